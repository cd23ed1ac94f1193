// Big parts are inflated on a second thread (Package::stream, read_ahead_from),
// and a big sheet's XML is scanned into rows on another (read_sheet). The
// fixtures are small, so these tests set the threshold to 0 and check that the
// threaded paths give the same bytes, cells, records and messages in the same
// order, stop early without hanging, and report a damaged part or bad XML as
// the plain path does.
#include <gmock/gmock.h>
#include <zip.h>

#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>

#include "kdx/table_import.hpp"
#include "read_test_support.hpp"

namespace {

using namespace kdx::test;
using namespace kdx::test::xlsx;
using ::testing::HasSubstr;

kdx::xlsx::ReadLimits always_ahead() {
    kdx::xlsx::ReadLimits limits;
    limits.read_ahead_from = 0;
    limits.batch_rows = 2;  // so that a small sheet takes several batches
    return limits;
}

std::vector<fs::path> fixtures() {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(data))
        if (e.path().extension() == ".xlsx") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

std::string whole_part(const fs::path& file, const std::string& part,
                       const kdx::xlsx::ReadLimits& limits) {
    kdx::xlsx::Package package(file, file.string(), limits);
    std::string text;
    package.stream(part, [&](const char* p, std::size_t n) {
        text.append(p, n);
        return true;
    });
    return text;
}

TEST(XlsxReadAhead, GivesTheSameBytesAndCellsAsReadingInline) {
    int compared = 0;
    for (const fs::path& file : fixtures()) {
        SCOPED_TRACE(file.filename().string());
        if (file.filename() == "big-entities.xlsx") continue;  // refused by design
        for (const char* part : {"xl/workbook.xml", "xl/worksheets/sheet1.xml"}) {
            std::string plain;
            try {
                plain = whole_part(file, part, {});
            } catch (const kdx::Error&) {
                continue;  // the fixture has no such part
            }
            EXPECT_EQ(whole_part(file, part, always_ahead()), plain) << part;
            ++compared;
        }
        WorkbookCells plain = read_cells(file);
        WorkbookCells ahead = read_cells(file, always_ahead());
        ASSERT_EQ(ahead.sheets.size(), plain.sheets.size());
        for (std::size_t i = 0; i < plain.sheets.size(); ++i) {
            EXPECT_EQ(ahead.sheets[i].row_numbers, plain.sheets[i].row_numbers);
            ASSERT_EQ(ahead.sheets[i].cells.size(), plain.sheets[i].cells.size());
            for (const auto& [ref, cell] : plain.sheets[i].cells) {
                const kdx::Cell& other = ahead.sheets[i].cells.at(ref);
                EXPECT_EQ(other.type, cell.type) << ref;
                EXPECT_EQ(other.text, cell.text) << ref;
                EXPECT_EQ(other.number, cell.number) << ref;
            }
        }
    }
    EXPECT_GT(compared, 5);
}

std::vector<fs::path> all_fixtures() {
    std::vector<fs::path> out;
    for (const auto& e : fs::recursive_directory_iterator(data))
        if (e.path().extension() == ".xlsx") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

std::string listed(const kdx::Diagnostics& d) {
    std::string out;
    for (const kdx::Diagnostic& item : d.items()) out += item.to_string() + "\n";
    return out;
}

std::string value_text(const kdx::Value& v) {
    std::ostringstream out;
    out << static_cast<int>(v.state()) << ':' << v.get();
    return out.str();
}

// A workbook opened as the reader opens it, for reading its sheets one by one.
struct OpenWorkbook {
    OpenWorkbook(const fs::path& file, const kdx::xlsx::ReadLimits& limits,
                 kdx::Diagnostics& diagnostics)
        : limits(limits),
          package(file, file.string(), limits),
          book(kdx::xlsx::read_workbook(package, diagnostics)),
          styles(book.styles.empty() ? kdx::xlsx::Styles()
                                     : kdx::xlsx::Styles::read(package, book.styles)),
          strings(book.shared_strings.empty()
                      ? std::vector<std::string>()
                      : kdx::xlsx::read_shared_strings(package, book.shared_strings, limits)) {}
    kdx::xlsx::SheetSource source(const kdx::xlsx::SheetPart& sheet) const {
        return {package, sheet.part, sheet.name, strings, styles, book.date1904, limits};
    }
    const kdx::xlsx::ReadLimits& limits;
    kdx::xlsx::Package package;
    kdx::xlsx::Workbook book;
    kdx::xlsx::Styles styles;
    std::vector<std::string> strings;
};

// Every sheet through core's TableImporter, as the plugin's read_dataset
// does for partner sheets; the records and all messages, in order, as text.
std::string imported(const fs::path& file, const kdx::xlsx::ReadLimits& limits) {
    using namespace kdx::xlsx;
    kdx::Dataset dataset;
    kdx::Diagnostics diagnostics;
    std::string out;
    try {
        OpenWorkbook workbook(file, limits, diagnostics);
        kdx::TableImporter importer(dataset, diagnostics);
        for (const SheetPart& sheet : workbook.book.sheets) {
            kdx::SheetInfo info;
            info.file = file.string();
            info.name = sheet.name;
            info.hidden = sheet.hidden;
            if (!importer.begin_sheet(info)) continue;
            read_sheet(workbook.source(sheet), importer, diagnostics);
            importer.end_sheet();
        }
        importer.finish();
    } catch (const kdx::Error& e) {
        out += std::string("error: ") + e.what() + "\n";
    }
    for (const kdx::SettlementFigures& s : dataset.settlement) {
        out += s.municipality + ' ' + std::to_string(s.year);
        for (const kdx::Value* v : {&s.requested, &s.decided, &s.settled, &s.unaccompanied_minors,
                                    &s.family_reunifications})
            out += ' ' + value_text(*v);
        out += ' ' + dataset.location_of(s.origin).to_string() + '\n';
    }
    for (const kdx::Outcome& o : dataset.outcomes)
        out += o.municipality + ' ' + o.programme + ' ' + o.indicator + ' ' +
               std::to_string(o.year) + ' ' + value_text(o.value) + ' ' +
               dataset.location_of(o.origin).to_string() + '\n';
    for (const kdx::Municipality& m : dataset.municipalities) out += m.number + ' ' + m.name + '\n';
    return out + listed(diagnostics);
}

TEST(XlsxReadAhead, ImportsTheSameRecordsWithTheSameMessagesInTheSameOrder) {
    int with_records = 0, with_messages = 0;
    for (const fs::path& file : all_fixtures()) {
        SCOPED_TRACE(file.string());
        const std::string plain = imported(file, {});
        EXPECT_EQ(imported(file, always_ahead()), plain);
        with_records += plain.find(" 0:") != std::string::npos;
        with_messages += plain.find("warning") != std::string::npos;
    }
    // Not a vacuous comparison: fixtures gave records and messages.
    EXPECT_GT(with_records, 3);
    EXPECT_GE(with_messages, 3);
}

// A copy of `file` in `dir` with its first sheet's XML edited by `edit`.
fs::path edited_copy(const fs::path& file, const fs::path& dir,
                     const std::function<void(std::string&)>& edit) {
    const fs::path out = dir / ("edited-" + file.filename().string());
    fs::copy_file(file, out, fs::copy_options::overwrite_existing);
    kdx::xlsx::Package package(file, file.string(), {});
    std::string xml = package.read("xl/worksheets/sheet1.xml");
    edit(xml);
    int code = 0;
    zip_t* zip = zip_open(out.c_str(), 0, &code);
    EXPECT_NE(zip, nullptr);
    // libzip keeps the buffer until zip_close.
    zip_source_t* source = zip_source_buffer(zip, xml.data(), xml.size(), 0);
    EXPECT_GE(zip_file_add(zip, "xl/worksheets/sheet1.xml", source, ZIP_FL_OVERWRITE), 0);
    EXPECT_EQ(zip_close(zip), 0);
    return out;
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

TEST(XlsxReadAhead, CellMessagesAndImportMessagesKeepTheirOrder) {
    // Every data row gets a cell the scanner reports (a stored value that is
    // no number) next to what the importer reports (a "-", a total row).
    const fs::path file =
        edited_copy(data / "imdi-xlsxwriter.xlsx", scratch_dir(), [](std::string& xml) {
            for (const char* row : {"4", "5", "6", "7"})
                replace_all(xml, std::string("<c r=\"D") + row + "\"><v>",
                            std::string("<c r=\"D") + row + "\"><v>x");
            replace_all(xml, "<c r=\"D8\"><v>", "<c r=\"D8\"><v>x");
        });
    const std::string plain = imported(file, {});
    EXPECT_THAT(plain, HasSubstr("expected a number in the cell's stored value, found \"x200\""));
    for (std::size_t rows : {1, 2, 3, 512}) {
        kdx::xlsx::ReadLimits limits = always_ahead();
        limits.batch_rows = rows;
        EXPECT_EQ(imported(file, limits), plain) << rows << " rows a batch";
    }
}

// Stops after `rows` rows, as the table importer does when a sheet has no header.
class StoppingSink : public kdx::TableSink {
  public:
    explicit StoppingSink(std::size_t rows) : left_(rows) {}
    bool begin_sheet(const kdx::SheetInfo&) override { return true; }
    bool row(const kdx::Row& row) override {
        seen += std::to_string(row.number) + ';';
        return --left_ > 0;
    }
    void end_sheet() override {}
    std::string seen;

  private:
    std::size_t left_;
};

std::string stopped_read(const fs::path& file, std::size_t rows,
                         const kdx::xlsx::ReadLimits& limits) {
    using namespace kdx::xlsx;
    kdx::Diagnostics diagnostics;
    std::string out;
    try {
        OpenWorkbook workbook(file, limits, diagnostics);
        for (const SheetPart& sheet : workbook.book.sheets) {
            StoppingSink sink(rows);
            read_sheet(workbook.source(sheet), sink, diagnostics);
            out += sheet.name + ": " + sink.seen + '\n';
        }
    } catch (const kdx::Error& e) {
        out += std::string("error: ") + e.what() + "\n";
    }
    return out + listed(diagnostics);
}

TEST(XlsxReadAhead, AReaderThatStopsGetsTheMessagesOfTheRowsItTookOnly) {
    // types-openpyxl.xlsx has formulas without saved results on several rows:
    // the warning counts those of the rows read up to the stop.
    const fs::path file = data / "types-openpyxl.xlsx";
    std::set<std::string> differing;
    for (std::size_t rows : {1, 2, 3, 5, 8, 1000}) {
        SCOPED_TRACE(rows);
        const std::string plain = stopped_read(file, rows, {});
        EXPECT_EQ(stopped_read(file, rows, always_ahead()), plain);
        differing.insert(plain);
    }
    EXPECT_GT(differing.size(), 2u);  // the stop changes what is read
    for (const fs::path& other : all_fixtures()) {
        SCOPED_TRACE(other.string());
        EXPECT_EQ(stopped_read(other, 2, always_ahead()), stopped_read(other, 2, {}));
    }
}

TEST(XlsxReadAhead, BadXmlIsTheSameErrorAfterTheSameRows) {
    int errors = 0;
    for (const fs::path& file : all_fixtures()) {
        if (file.parent_path().filename() != "bad") continue;
        SCOPED_TRACE(file.string());
        const std::string plain = stopped_read(file, 1000000, {});
        EXPECT_EQ(stopped_read(file, 1000000, always_ahead()), plain);
        errors += plain.find("error: ") != std::string::npos;
    }
    EXPECT_GT(errors, 5);
}

TEST(XlsxReadAhead, StopsWhenTheReaderStopsAndWhenItThrows) {
    const fs::path file = data / "imdi-xlsxwriter.xlsx";
    kdx::xlsx::Package package(file, file.string(), always_ahead());
    int calls = 0;
    package.stream("xl/worksheets/sheet1.xml", [&](const char*, std::size_t) {
        ++calls;
        return false;
    });
    EXPECT_EQ(calls, 1);
    EXPECT_THROW(
        package.stream("xl/worksheets/sheet1.xml",
                       [&](const char*, std::size_t) -> bool { throw std::runtime_error("stop"); }),
        std::runtime_error);
    // The package is still usable afterwards, on both paths.
    EXPECT_FALSE(package.read("xl/worksheets/sheet1.xml").empty());
}

// Flips a byte in the middle of a part's compressed data.
fs::path damaged_copy(const fs::path& file, const std::string& part, const fs::path& out) {
    std::ifstream in(file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto u16 = [&](std::size_t at) {
        return static_cast<std::size_t>(static_cast<unsigned char>(bytes[at])) |
               static_cast<std::size_t>(static_cast<unsigned char>(bytes[at + 1])) << 8;
    };
    auto u32 = [&](std::size_t at) { return u16(at) | u16(at + 2) << 16; };
    // The local file header: signature, ..., compressed size at 18, name
    // length at 26, extra length at 28, then the name, the extra field, the data.
    for (std::size_t at = bytes.find("PK\x03\x04"); at != std::string::npos;
         at = bytes.find("PK\x03\x04", at + 4)) {
        if (bytes.compare(at + 30, u16(at + 26), part) != 0) continue;
        std::size_t start = at + 30 + u16(at + 26) + u16(at + 28);
        std::size_t size = u32(at + 18);
        EXPECT_GT(size, 16u);
        for (std::size_t k = start + size / 2; k < start + size / 2 + 8; ++k) bytes[k] ^= 0x5a;
        std::ofstream(out, std::ios::binary) << bytes;
        return out;
    }
    ADD_FAILURE() << part << " not found in " << file;
    return out;
}

TEST(XlsxReadAhead, ADamagedPartIsTheSameClearError) {
    const fs::path dir = scratch_dir();
    const fs::path bad =
        damaged_copy(data / "imdi-openpyxl.xlsx", "xl/worksheets/sheet1.xml", dir / "damaged.xlsx");
    std::string plain, ahead;
    try {
        whole_part(bad, "xl/worksheets/sheet1.xml", {});
    } catch (const kdx::Error& e) {
        plain = e.what();
    }
    try {
        whole_part(bad, "xl/worksheets/sheet1.xml", always_ahead());
    } catch (const kdx::Error& e) {
        ahead = e.what();
    }
    EXPECT_THAT(plain, HasSubstr("part xl/worksheets/sheet1.xml is damaged"));
    EXPECT_EQ(ahead, plain);
}

}  // namespace
