#include "xml_format.hpp"

#include "report_writer.hpp"
#include "xml_reader.hpp"
#include "xml_writer.hpp"

namespace kdx::xml {

FormatInfo XmlFormat::info() const {
    FormatInfo f;
    f.name = "xml";
    f.long_name = "kdx XML: exchange format for datasets, report XML for documents";
    f.extensions = {"xml"};
    // In parallel: a report is built in its own pugixml document; nothing is shared.
    f.capabilities =
        can_read_dataset | can_write_dataset | can_write_document | can_write_in_parallel;
    f.read_options = read_option_infos();
    return f;
}

Dataset XmlFormat::read_dataset(const std::filesystem::path& input, const Options& options,
                                Diagnostics& diagnostics) {
    return read_xml(input, options, diagnostics);
}

void XmlFormat::write_dataset(const Dataset& dataset, const std::filesystem::path& output,
                              const Options&, Diagnostics& diagnostics) {
    write_xml(dataset, output, diagnostics);
}

void XmlFormat::write_document(const Document& document, const std::filesystem::path& output,
                               const Options&, Diagnostics& diagnostics) {
    write_report(document, output, diagnostics);
}

}  // namespace kdx::xml
