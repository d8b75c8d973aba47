# Unit tests of the C runtime (lib/Runtime); include()d from
# test/unit/CMakeLists.txt.
add_executable(edgec-runtime-test ${CMAKE_CURRENT_LIST_DIR}/RuntimeTest.cpp)
target_link_libraries(edgec-runtime-test PRIVATE edgec_runtime_host
                      GTest::gtest_main)
target_compile_definitions(edgec-runtime-test PRIVATE
  EDGEC_FIXTURES="${CMAKE_CURRENT_LIST_DIR}/fixtures")
include(GoogleTest)
gtest_discover_tests(edgec-runtime-test)
