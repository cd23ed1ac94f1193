/* Writes a 1,000,000-row x 10-column workbook in the IMDi-like partner
 * layout (Kommunenr, Kommune, År, Anmodning, Vedtak, Bosatt, ...) with
 * libxlsxwriter: "shared" for shared strings (normal mode), "inline" for
 * inline strings (constant_memory mode).
 *
 *   make_big OUT.xlsx shared|inline [ROWS]
 *
 * Each row is a different (municipality number, year) pair so that every
 * row maps onto its own settlement record. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

int main(int argc, char** argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s OUT.xlsx shared|inline [ROWS]\n", argv[0]);
        return 2;
    }
    long rows = argc > 3 ? atol(argv[3]) : 1000000;
    lxw_workbook_options options = {0};
    options.constant_memory = strcmp(argv[2], "inline") == 0 ? LXW_TRUE : LXW_FALSE;
    lxw_workbook* wb = workbook_new_opt(argv[1], &options);
    if (!wb) return 1;
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Bosetting");
    static const char* header[] = {"Kommunenr",
                                   "Kommune",
                                   "År",
                                   "Anmodning",
                                   "Vedtak",
                                   "Bosatt",
                                   "Enslige mindreårige",
                                   "Familiegjenforente",
                                   "Bosatt per 1000 innbyggere",
                                   "Merknad"};
    for (int c = 0; c < 10; ++c) worksheet_write_string(ws, 0, (lxw_col_t)c, header[c], NULL);
    char number[8], name[32], note[32];
    for (long i = 0; i < rows; ++i) {
        lxw_row_t r = (lxw_row_t)(i + 1);
        /* 9900 numbers (0100-9999) x up to 111 years (1990-2100): a million distinct
         * pairs. Most numbers are not real ones, so kdx warns once per number. */
        long n = 100 + i % 9900, year = 1990 + i / 9900;
        snprintf(number, sizeof number, "%04ld", n);
        snprintf(name, sizeof name, "Kommune %ld", n);
        snprintf(note, sizeof note, "Merknad %ld", i % 1000);
        worksheet_write_string(ws, r, 0, number, NULL);
        worksheet_write_string(ws, r, 1, name, NULL);
        worksheet_write_number(ws, r, 2, (double)year, NULL);
        /* settled <= decided <= requested, as validation expects */
        long requested = 10 + i % 97, decided = requested - i % 3, settled = decided - i % 5;
        worksheet_write_number(ws, r, 3, (double)requested, NULL);
        worksheet_write_number(ws, r, 4, (double)decided, NULL);
        worksheet_write_number(ws, r, 5, (double)settled, NULL);
        worksheet_write_number(ws, r, 6, (double)(i % 7), NULL);
        worksheet_write_number(ws, r, 7, (double)(i % 5), NULL);
        worksheet_write_number(ws, r, 8, (double)(i % 50) / 10.0, NULL);
        worksheet_write_string(ws, r, 9, note, NULL);
    }
    return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}
