// Registers the profile format.
#include <memory>

#include "kdx/plugin.hpp"
#include "profile_format.hpp"

namespace {

void register_formats(kdx::Registrar& r) {
    r.set_info({"profile", "1.0.0", "Nomination profiles in: plain text, Markdown, Word"});
    r.add_format(std::make_unique<kdx::profile::ProfileFormat>());
}

}  // namespace

KDX_PLUGIN(register_formats)
