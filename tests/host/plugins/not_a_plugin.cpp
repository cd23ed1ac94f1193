// An ordinary shared library that happens to be named like a plugin.
extern "C" int kdx_test_answer() { return 42; }
