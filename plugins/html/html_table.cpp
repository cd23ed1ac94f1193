#include "html_table.hpp"

namespace kdx::html {

bool is_numeric(TableColumn::Type type) {
    return type == TableColumn::Type::count || type == TableColumn::Type::number ||
           type == TableColumn::Type::percent || type == TableColumn::Type::per_mille;
}

namespace {

std::string row_html(const Table& t, const std::vector<TableCell>& cells, bool row_headers,
                     HtmlText& text, const std::string& where) {
    std::string out = "<tr>";
    for (std::size_t j = 0; j < t.columns.size(); ++j) {
        const std::string& cell = j < cells.size() ? cells[j].text : std::string();
        const std::string place = where + ", column " + std::to_string(j + 1);
        // An empty header cell heads nothing: it is a data cell.
        const bool head = row_headers && j == 0 && !cell.empty();
        std::string attributes = head ? " scope=\"row\"" : "";
        if (is_numeric(t.columns[j].type)) attributes += " class=\"num\"";
        const char* tag = head ? "th" : "td";
        out += std::string("<") + tag + attributes + ">" + text.content(cell, place) + "</" + tag +
               ">";
    }
    return out + "</tr>\n";
}

}  // namespace

std::string table_html(const Table& t, const std::string& id, HtmlText& text,
                       const std::string& where) {
    // The first column heads its row when it names what the row is about (as
    // in the PDF).
    const bool row_headers =
        t.columns.size() > 1 && (t.columns[0].type == TableColumn::Type::text ||
                                 t.columns[0].type == TableColumn::Type::year);
    const bool total = t.last_row_is_total && !t.rows.empty();
    std::string out;
    // A wide table scrolls inside its own box on a narrow screen; the box
    // can then be reached and scrolled with the keyboard, and is named by
    // the caption.
    if (!t.caption.empty())
        out += "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"" + id +
               "-caption\">\n";
    else
        out += "<div class=\"table-wrap\">\n";
    out += "<table id=\"" + id + "\"";
    if (!t.notes.empty()) {
        out += " aria-describedby=\"";
        for (std::size_t i = 0; i < t.notes.size(); ++i)
            out += (i ? " " : "") + id + "-note-" + std::to_string(i + 1);
        out += "\"";
    }
    out += ">\n";
    if (!t.caption.empty())
        out += "<caption id=\"" + id + "-caption\">" +
               text.content(t.caption, where + ", caption") + "</caption>\n";
    out += "<thead>\n<tr>";
    for (std::size_t j = 0; j < t.columns.size(); ++j) {
        const TableColumn& c = t.columns[j];
        const std::string place = where + ", header of column " + std::to_string(j + 1);
        std::string cls = is_numeric(c.type) ? " class=\"num\"" : "";
        if (c.header.empty())
            out += "<td" + cls + "></td>";
        else
            out += "<th scope=\"col\"" + cls + ">" + text.content(c.header, place) + "</th>";
    }
    out += "</tr>\n</thead>\n<tbody>\n";
    const std::size_t body = total ? t.rows.size() - 1 : t.rows.size();
    for (std::size_t i = 0; i < body; ++i)
        out += row_html(t, t.rows[i], row_headers, text, where + ", row " + std::to_string(i + 1));
    out += "</tbody>\n";
    if (total) {
        out += "<tfoot class=\"total\">\n" +
               row_html(t, t.rows.back(), row_headers, text,
                        where + ", row " + std::to_string(t.rows.size())) +
               "</tfoot>\n";
    }
    out += "</table>\n</div>\n";
    for (std::size_t i = 0; i < t.notes.size(); ++i)
        out += "<p class=\"table-note\" id=\"" + id + "-note-" + std::to_string(i + 1) + "\">" +
               text.content(t.notes[i], where + ", note " + std::to_string(i + 1)) + "</p>\n";
    return out;
}

}  // namespace kdx::html
