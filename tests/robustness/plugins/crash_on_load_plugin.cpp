// A plugin that dies while kdx asks for its declaration: its registration
// dereferences a null pointer. It has no manifest, so a kdx that loaded it
// to read its formats would die with it; kdx asks kdx-plugin-runner instead.
#include <csignal>

#include "kdx/plugin.hpp"

namespace {

void register_formats(kdx::Registrar&) {
    // volatile: the compiler may not drop the store as undefined behaviour.
    volatile int* nowhere = nullptr;
    *nowhere = 1;
    std::raise(SIGSEGV);  // should the store not fault
}

}  // namespace

KDX_PLUGIN(register_formats)
