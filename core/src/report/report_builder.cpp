// The driver of the report engine: the selection (selection.cpp) says what
// the report is about, disclosure control (disclosure.cpp) what it may show,
// the templating (template_text.cpp) what its texts say; each of the
// template's blocks is made into document parts by report_blocks.cpp.
#include "report/report_builder.hpp"

#include <algorithm>

#include "kdx/version.hpp"
#include "report/disclosure.hpp"
#include "report/report_blocks.hpp"
#include "report/selection.hpp"
#include "report/source_line.hpp"
#include "report/template_text.hpp"

namespace kdx::report {

Document build_report(const ReportTemplate& report_template, const Dataset& dataset,
                      const ReportRequest& request, Diagnostics& diagnostics) {
    const ReportTemplate& t = report_template;
    const Selection selection = select(t, dataset, request);
    const std::string& lang = selection.language;
    Disclosure disclosure(t, dataset, selection, request.threshold);
    TemplateText text(selection, request, disclosure);
    Document doc;
    doc.info.title = text.fill(t.title);
    if (!t.subtitle.empty()) doc.info.subtitle = text.fill(t.subtitle);
    doc.info.subject = t.subject.empty() ? doc.info.title : text.fill(t.subject);
    doc.info.author = publisher(t, dataset, request, text);
    doc.info.language = lang;
    for (const auto& [language, word] : t.keywords)
        if (language.empty() || language == lang) doc.info.keywords.push_back(word);
    doc.info.template_id = t.id;
    doc.info.generator = std::string("kdx ") + kdx::version();
    doc.info.date = request.date;
    // The statistics cited, as the template chooses; never the dataset's
    // free notes or file names.
    const SourceChoice& choice = t.sources;
    for (const DataSource& s : dataset.info.data_sources) {
        if (!choice.show) break;
        if (!choice.publishers.empty() &&
            std::find(choice.publishers.begin(), choice.publishers.end(), s.publisher) ==
                choice.publishers.end())
            continue;
        std::string line = source_line(s, lang, choice.licence, choice.link);
        if (!line.empty() && std::find(doc.info.sources.begin(), doc.info.sources.end(), line) ==
                                 doc.info.sources.end())
            doc.info.sources.push_back(std::move(line));
    }
    doc.info.year = selection.year;
    const BlockSource source{t, dataset, selection, disclosure, text, diagnostics};
    for (const TemplateBlock& b : t.blocks) add_block(b, source, doc.blocks);
    for (std::string& n : disclosure.notes(lang)) doc.notes.push_back(std::move(n));
    for (std::string& n : merged_figures_notes(selection, dataset))
        doc.notes.push_back(std::move(n));
    return doc;
}

}  // namespace kdx::report
