// A plugin that dies while kdx asks for its declaration: its registration
// raises SIGSEGV (raised, not a null store, which UBSan would report and end
// with its own exit instead of the signal). It has no manifest, so a kdx that
// loaded it to read its formats would die with it; kdx asks
// kdx-plugin-runner instead.
#include <csignal>

#include "kdx/plugin.hpp"

namespace {

void register_formats(kdx::Registrar&) { std::raise(SIGSEGV); }

}  // namespace

KDX_PLUGIN(register_formats)
