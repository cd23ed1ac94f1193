// The xlsx reader alone: every sheet of a workbook streamed into a sink that
// only counts cells, without the table importer or a model behind it.
//
//   read_only FILE.xlsx    prints "<rows> rows, <cells> cells"
#include <cstdio>

#include "kdx/error.hpp"
#include "xlsx_read_workbook.hpp"
#include "xlsx_sheet.hpp"
#include "xlsx_strings.hpp"
#include "xlsx_styles.hpp"
#include "xlsx_zip.hpp"

namespace {

class CountingSink : public kdx::TableSink {
  public:
    unsigned long long rows = 0, cells = 0;
    bool begin_sheet(const kdx::SheetInfo&) override { return true; }
    bool row(const kdx::Row& row) override {
        ++rows;
        for (const kdx::Cell& c : row.cells) cells += c.type != kdx::Cell::Type::empty;
        return true;
    }
    void end_sheet() override {}
};

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s FILE.xlsx\n", argv[0]);
        return 2;
    }
    using namespace kdx::xlsx;
    try {
        ReadLimits limits;
        kdx::Diagnostics diagnostics;
        Package package(argv[1], argv[1], limits);
        Workbook book = read_workbook(package, diagnostics);
        Styles styles = book.styles.empty() ? Styles() : Styles::read(package, book.styles);
        std::vector<std::string> strings =
            book.shared_strings.empty() ? std::vector<std::string>()
                                        : read_shared_strings(package, book.shared_strings, limits);
        CountingSink sink;
        for (const SheetPart& sheet : book.sheets)
            read_sheet({package, sheet.part, sheet.name, strings, styles, book.date1904, limits},
                       sink, diagnostics);
        std::printf("%llu rows, %llu cells\n", sink.rows, sink.cells);
    } catch (const kdx::Error& e) {
        std::fprintf(stderr, "%s\n", e.diagnostic().to_string().c_str());
        return 1;
    }
    return 0;
}
