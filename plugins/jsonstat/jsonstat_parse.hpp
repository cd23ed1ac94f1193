// A JSON-stat 2.0 file as cubes: each dataset's dimensions in `id` order, its
// categories in index order, and its values and statuses by flat index. Every
// structural mistake is refused with the file and the JSON path.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kdx::jsonstat {

struct Dimension {
    std::string id;                   // "Region", "Tid", "ContentsCode"
    std::string label;                // "region"
    std::vector<std::string> codes;   // in index order
    std::vector<std::string> labels;  // the category labels, "" where none
};

// An outcome of a programme as kdx's writer keeps it beside the cube.
struct ProgrammeOutcome {
    std::string path;  // "extension.kdx.programme-outcomes[0]"
    std::string municipality, programme, indicator, unit, source;
    int year = 0;
    std::optional<double> value;
    bool suppressed = false;
};

struct ParsedCube {
    std::string path;   // JSON path of the dataset: "" at the top, "link.item[0]" in a collection
    std::string label;  // "07459: Befolkning, etter region, statistikkvariabel og år"
    std::vector<Dimension> dimensions;          // in `id` order: the last varies fastest
    std::vector<std::optional<double>> values;  // by flat index; nullopt for null or absent
    std::vector<std::string> status;            // by flat index; "" where none
    // From kdx's own extension (files kdx wrote): outcome sources by flat
    // index, and outcomes of programmes.
    std::map<std::size_t, std::string> sources;
    std::vector<ProgrammeOutcome> programme_outcomes;
    // The dimensions `role` names: index into `dimensions`, or -1.
    int geo = -1, time = -1, metric = -1;

    std::size_t stride(std::size_t dimension) const;
};

// Reads a JSON-stat 2.0 dataset or collection of datasets. Throws kdx::Error
// naming the file and where: a JSON syntax error at its line and column, a
// structure error at its JSON path (`dimension "Tid": "size" says 3 but it has
// 4 categories`). `max_bytes` bounds the file, which is parsed whole.
std::vector<ParsedCube> parse_file(const std::filesystem::path& input, std::uint64_t max_bytes);

}  // namespace kdx::jsonstat
