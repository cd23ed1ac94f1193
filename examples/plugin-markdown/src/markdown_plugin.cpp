// Registers the Markdown format with kdx.
#include <kdx/plugin.hpp>
#include <memory>

#include "markdown_writer.hpp"

namespace {

void register_formats(kdx::Registrar& registrar) {
    registrar.set_info({"markdown", KDX_MARKDOWN_VERSION,
                        "Writes kdx reports as Markdown, for wikis, e-mail and version control"});
    registrar.add_format(std::make_unique<markdown::MarkdownFormat>());
}

}  // namespace

KDX_PLUGIN(register_formats)
