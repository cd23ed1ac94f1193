// Checks of what a plugin declares about itself: names, versions, formats,
// extensions, capabilities and options. No plugin code runs here.
#pragma once

#include <vector>

#include "check_runner.hpp"
#include "host/plugin_host.hpp"

namespace kdx::check {

// The plugin's name and version.
Outcome check_plugin_metadata(const host::PluginRecord& record);

// The manifest beside the library (kdx_NAME.kdx-manifest.json), which kdx
// reads instead of loading the library: it must be of this very build (GNU
// build ID) and declare what the library declares, or kdx refuses the plugin.
// Skipped when there is none: kdx then asks the library at start.
Outcome check_manifest(const host::PluginRecord& record, const std::vector<FormatInfo>& formats);

// One format's declaration; `all` are the plugin's formats, to spot clashes.
Outcome check_format_metadata(const FormatInfo& info, const std::vector<FormatInfo>& all);

// Whether `text` is a valid value for an option of type `option.type`
// (kdx/options.hpp, the rules `kdx convert -o key=value` applies).
bool valid_option_value(const OptionInfo& option, const std::string& text);

}  // namespace kdx::check
