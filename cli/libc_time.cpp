// gmtime() and localtime() with a buffer per thread, for the libraries kdx's
// plugins use while the report writers run on several threads.
//
// glibc's gmtime() and localtime() return one static struct tm for the whole
// process. libxlsxwriter 1.1.4 formats the workbook's creation time through
// gmtime() (core.c), and PoDoFo 0.9.8 calls localtime() for the date a new
// PdfMemDocument starts with (PdfDate.cpp): an XLSX and a PDF written at
// once could give the XLSX the PDF's clock time. Defined in the executable
// and exported (cli/CMakeLists.txt), these come first in the global scope,
// so the plugins' libraries call them instead of glibc's. A buffer per
// thread is what POSIX allows and what other C libraries do; no caller can
// tell but by sharing the pointer between threads.
#include <ctime>

extern "C" {

std::tm* gmtime(const std::time_t* when) noexcept {
    thread_local std::tm buffer;
    return ::gmtime_r(when, &buffer);
}

std::tm* localtime(const std::time_t* when) noexcept {
    thread_local std::tm buffer;
    return ::localtime_r(when, &buffer);
}

}  // extern "C"
