// A report as a format-neutral document: metadata and a list of blocks that
// exporter plugins render (PDF, XLSX, XML). Built by kdx's report engine from
// a template and a Dataset; figures arrive already suppressed where needed.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "kdx/model.hpp"
#include "kdx/value.hpp"

namespace kdx {

// What a report was made from, so that a reader can check it (`kdx verify`).
// Each file is named without its folder, with the SHA-256 of its bytes as 64
// lower-case hex digits (what `sha256sum` prints).
struct ProvenanceFile {
    std::string name;
    std::string sha256;
};

struct Provenance {
    std::vector<ProvenanceFile> inputs;  // the data files, in the order read
    std::string template_id;             // e.g. "council-report"
    std::string template_sha256;         // of the template file used
    std::vector<std::string> plugins;    // "xlsx 1.0.0": plugins that read inputs or write reports
    std::string generator;               // "kdx 1.1.0"

    bool empty() const noexcept { return inputs.empty() && template_sha256.empty(); }
};

struct DocumentInfo {
    std::string title;
    std::string subtitle;
    std::string language;  // "nb", "nn" or "en"
    std::string author;
    std::string subject;
    std::vector<std::string> keywords;
    std::vector<std::string> sources;  // datasets and their provenance
    std::string template_id;           // e.g. "imdi-dossier"
    std::string generator;             // "kdx 1.0.0"
    std::string date;                  // ISO date the figures were compiled
    int year = 0;                      // the year reported on (0: not known)
    Provenance provenance;             // written into each format's metadata
};

// A stretch of text; emphasised runs are set in italics or bold by renderers.
struct TextRun {
    std::string text;
    bool emphasis = false;
};

struct Heading {
    int level = 1;  // 1 = section, 2 = subsection, 3
    std::string text;
};

struct Paragraph {
    std::vector<TextRun> runs;
};

struct KeyFigure {
    std::string label;
    Value value;
    Unit unit = Unit::persons;
    Value change;      // from the year before; missing when not known
    std::string text;  // the value formatted for the document's language
};

struct KeyFigures {
    std::vector<KeyFigure> figures;
};

struct TableColumn {
    enum class Type { text, count, number, percent, per_mille, year };
    std::string header;
    Type type = Type::text;
};

struct TableCell {
    std::string text;  // as shown, formatted for the document's language
    Value value;       // the figure for numeric columns; missing for text
};

struct Table {
    std::string caption;
    std::vector<TableColumn> columns;
    std::vector<std::vector<TableCell>> rows;
    bool last_row_is_total = false;
    std::vector<std::string> notes;
};

struct ChartSeries {
    std::string name;
    std::vector<Value> values;  // one per category; missing or suppressed values are gaps
};

struct Chart {
    enum class Kind { bar, line };
    Kind kind = Kind::bar;
    std::string title;
    std::vector<std::string> categories;
    std::vector<ChartSeries> series;
    std::string x_title;
    std::string y_title;
    Unit unit = Unit::persons;
};

struct PageBreak {};

using Block = std::variant<Heading, Paragraph, KeyFigures, Table, Chart, PageBreak>;

class Document {
  public:
    DocumentInfo info;
    std::vector<Block> blocks;
    // Notes for the whole document, e.g. what ":" means; renderers print them
    // after the last block.
    std::vector<std::string> notes;
};

}  // namespace kdx
