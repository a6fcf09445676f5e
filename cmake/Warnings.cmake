# Our own code builds warning-free; third-party headers come in as system headers.
add_library(crewsync_warnings INTERFACE)
target_compile_options(crewsync_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
  -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough -Werror)

add_library(crewsync_sanitizers INTERFACE)
if(CREWSYNC_SANITIZE)
  target_compile_options(crewsync_sanitizers INTERFACE
    -fsanitize=${CREWSYNC_SANITIZE} -fno-omit-frame-pointer)
  target_link_options(crewsync_sanitizers INTERFACE -fsanitize=${CREWSYNC_SANITIZE})
endif()
