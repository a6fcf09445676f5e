# Every dependency is a Debian bookworm package, found the way the package ships it.
# scripts/install-deps installs them all.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(SQLite3 REQUIRED)              # SQLite::SQLite3
find_package(nlohmann_json 3.11 REQUIRED)   # nlohmann_json::nlohmann_json
find_package(CLI11 REQUIRED)                # CLI11::CLI11
find_package(fmt REQUIRED)                  # fmt::fmt
find_package(spdlog REQUIRED)               # spdlog::spdlog
find_package(tomlplusplus REQUIRED)         # tomlplusplus::tomlplusplus
find_package(date REQUIRED)                 # date::date, date::date-tz
find_package(tl-expected REQUIRED)          # tl::expected
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)
find_package(CURL REQUIRED)                 # CURL::libcurl (HTTP client)
find_package(simdjson REQUIRED)           # simdjson::simdjson (the Directory list hot path)
pkg_check_modules(JEMALLOC REQUIRED IMPORTED_TARGET jemalloc)
# cpp-httplib ships only a pkg-config file; its flags (OpenSSL, zlib, brotli) must come from it.
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)

# The allocator the programs ship with (not the tests: the sanitizers bring their own). A
# sync of a large company makes millions of short strings; jemalloc allocates and frees them
# about twice as fast as glibc's malloc (bench/RESULTS.md). Linking it is all it takes: it
# replaces malloc and operator new for the whole process.
add_library(crewsync_allocator INTERFACE)
if(NOT CREWSYNC_SANITIZE)
  target_link_libraries(crewsync_allocator INTERFACE PkgConfig::JEMALLOC)
endif()
if(CREWSYNC_BUILD_TESTS)
  find_package(GTest REQUIRED)              # GTest::gtest_main, GTest::gmock
endif()
if(CREWSYNC_BUILD_BENCHMARKS)
  find_package(benchmark REQUIRED)          # benchmark::benchmark
endif()
