/* The benchmark's workbook written by a plain program on libxlsxwriter in
 * constant_memory mode: the floor for kdx's xlsx plugin. The same sheets,
 * cells, types and number formats write_rows.cpp's dataset becomes (see
 * rows.py for the settlement rows), a bold header with a border, frozen
 * and filtered; column widths are set to what the data needs, as a program
 * that knows its data would, where kdx measures them.
 *
 *   bare_rows ROWS OUT.xlsx */
#include <stdio.h>
#include <stdlib.h>
#include <xlsxwriter.h>

static lxw_format* header;

/* A sheet with its header row, frozen; the autofilter spans `last` rows. */
static lxw_worksheet* sheet(lxw_workbook* wb, const char* name, const char** columns, int count,
                            lxw_row_t last, const double* widths) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, name);
    for (int c = 0; c < count; ++c) worksheet_write_string(ws, 0, (lxw_col_t)c, columns[c], header);
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_autofilter(ws, 0, 0, last, (lxw_col_t)(count - 1));
    for (int c = 0; c < count; ++c)
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c], NULL);
    return ws;
}

#define COUNT(a) ((int)(sizeof(a) / sizeof(a[0])))

int main(int argc, char** argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s ROWS OUT.xlsx\n", argv[0]);
        return 2;
    }
    const unsigned long rows = strtoul(argv[1], NULL, 10);
    lxw_workbook_options options = {0};
    options.constant_memory = LXW_TRUE;
    lxw_workbook* wb = workbook_new_opt(argv[2], &options);
    if (!wb) return 1;
    lxw_doc_properties properties = {0};
    properties.title = "Generated settlement figures (benchmark)";
    properties.created = 1735603200;
    workbook_set_properties(wb, &properties);

    header = workbook_add_format(wb);
    format_set_bold(header);
    format_set_bottom(header, LXW_BORDER_THIN);
    lxw_format* persons = workbook_add_format(wb);
    format_set_num_format(persons, "#,##0");
    lxw_format* year = workbook_add_format(wb);
    format_set_num_format(year, "0");
    static const char* units[] = {"#,##0.0\" %\"", "#,##0.0\" \xe2\x80\xb0\"", "#,##0\" kr\"",
                                  "#,##0.0"};
    for (int u = 0; u < COUNT(units); ++u) format_set_num_format(workbook_add_format(wb), units[u]);

    static const char* municipalities[] = {
        "number",   "name",       "county_number", "county_name", "imdi_region",
        "language", "population", "other_names",   "valid_from",  "valid_to"};
    static const double municipality_widths[] = {8, 23, 15, 13, 13, 10, 12, 13, 12, 10};
    lxw_worksheet* ws = sheet(wb, "Municipalities", municipalities, COUNT(municipalities), 357,
                              municipality_widths);
    char number[16], name[48];
    for (int m = 0; m < 357; ++m) {
        snprintf(number, sizeof number, "%d", 3000 + m);
        snprintf(name, sizeof name, "Kommune \xc3\x85s-\xc3\x98rland %d", m);
        worksheet_write_string(ws, (lxw_row_t)(m + 1), 0, number, NULL);
        worksheet_write_string(ws, (lxw_row_t)(m + 1), 1, name, NULL);
    }

    static const char* settlement_columns[] = {
        "municipality",         "municipality_name",    "year", "requested", "decided", "settled",
        "unaccompanied_minors", "family_reunifications"};
    static const double settlement_widths[] = {14, 23, 8, 11, 9, 9, 22, 23};
    ws = sheet(wb, "Settlement", settlement_columns, COUNT(settlement_columns), (lxw_row_t)rows,
               settlement_widths);
    for (unsigned long i = 0; i < rows; ++i) {
        lxw_row_t r = (lxw_row_t)(i + 1);
        unsigned long m = i % 357, settled = i * 3 % 150;
        snprintf(number, sizeof number, "%lu", 3000 + m);
        snprintf(name, sizeof name, "Kommune \xc3\x85s-\xc3\x98rland %lu", m);
        worksheet_write_string(ws, r, 0, number, NULL);
        worksheet_write_string(ws, r, 1, name, NULL);
        worksheet_write_number(ws, r, 2, (double)(2000 + (i / 357) % 25), year);
        worksheet_write_number(ws, r, 3, (double)(i * 7 % 200), persons);
        worksheet_write_number(ws, r, 4, (double)(i * 5 % 180), persons);
        if (settled > 0 && settled < 5)
            worksheet_write_string(ws, r, 5, ":", persons);
        else
            worksheet_write_number(ws, r, 5, (double)settled, persons);
        if (i % 10 != 0) worksheet_write_number(ws, r, 6, (double)(i % 13), persons);
        worksheet_write_number(ws, r, 7, (double)(i % 17), persons);
    }

    /* The kinds of record the benchmark's dataset has none of: headers only. */
    static const char* programmes[] = {"id",          "municipality", "kind", "name",
                                       "description", "partners",     "years"};
    static const double programme_widths[] = {8, 14, 8, 8, 13, 10, 8};
    sheet(wb, "Programmes", programmes, COUNT(programmes), 0, programme_widths);
    static const char* outcomes[] = {"municipality", "programme", "indicator",   "year",
                                     "value",        "unit",      "cohort_size", "source"};
    static const double outcome_widths[] = {14, 11, 11, 8, 8, 8, 13, 8};
    sheet(wb, "Outcomes", outcomes, COUNT(outcomes), 0, outcome_widths);
    static const char* nominations[] = {"prize",   "year",         "municipality", "status",
                                        "summary", "last_updated", "votes"};
    static const double nomination_widths[] = {8, 8, 14, 8, 9, 14, 8};
    sheet(wb, "Nominations", nominations, COUNT(nominations), 0, nomination_widths);
    static const char* sections[] = {"prize", "year", "municipality", "heading", "text"};
    static const double section_widths[] = {8, 8, 14, 9, 8};
    sheet(wb, "Nomination sections", sections, COUNT(sections), 0, section_widths);
    static const char* indicators[] = {"id",       "label_nb", "label_nn",
                                       "label_en", "unit",     "additive"};
    static const double indicator_widths[] = {8, 10, 10, 10, 8, 10};
    sheet(wb, "Indicators", indicators, COUNT(indicators), 0, indicator_widths);
    static const char* info[] = {"field", "value"};
    static const double info_widths[] = {8, 42};
    ws = sheet(wb, "Dataset", info, COUNT(info), 1, info_widths);
    worksheet_write_string(ws, 1, 0, "title", NULL);
    worksheet_write_string(ws, 1, 1, properties.title, NULL);
    static const char* data_sources[] = {"publisher", "title_nb", "title_nn", "title_en",
                                         "as_of",     "licence",  "link"};
    static const double data_source_widths[] = {11, 10, 10, 10, 8, 9, 8};
    sheet(wb, "Data sources", data_sources, COUNT(data_sources), 0, data_source_widths);
    static const char* sources[] = {"source", "file", "sheet"};
    static const double source_widths[] = {8, 8, 8};
    sheet(wb, "Sources", sources, COUNT(sources), 0, source_widths);

    return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}
