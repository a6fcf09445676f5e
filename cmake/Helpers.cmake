# crewsync_library(NAME SOURCES... [LINKS deps...]): one static library per src/ folder.
function(crewsync_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LINKS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(${name} PUBLIC ${ARG_LINKS} PRIVATE crewsync_warnings crewsync_sanitizers)
endfunction()

# crewsync_test(NAME SOURCES... LINKS deps...): one GoogleTest binary, registered with ctest.
function(crewsync_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LINKS;PROPERTIES" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests)
  target_link_libraries(${name} PRIVATE ${ARG_LINKS} GTest::gmock GTest::gtest_main
    crewsync_warnings crewsync_sanitizers)
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60
    PROPERTIES ENVIRONMENT "CREWSYNC_SOURCE_DIR=${PROJECT_SOURCE_DIR}" ${ARG_PROPERTIES})
endfunction()
