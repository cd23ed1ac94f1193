#include "kdx/format.hpp"

#include "kdx/error.hpp"
#include "kdx/plugin.hpp"
#include "kdx/table.hpp"

namespace kdx {

namespace {

[[noreturn]] void cannot(const Format& format, const char* what) {
    throw Error("format " + format.info().name + " cannot " + what);
}

}  // namespace

Format::~Format() = default;
Registrar::~Registrar() = default;
TableSink::~TableSink() = default;
BatchSink::~BatchSink() = default;
BatchWriter::~BatchWriter() = default;

Dataset Format::read_dataset(const std::filesystem::path&, const Options&, Diagnostics&) {
    cannot(*this, "read a dataset");
}

void Format::write_dataset(const Dataset&, const std::filesystem::path&, const Options&,
                           Diagnostics&) {
    cannot(*this, "write a dataset");
}

void Format::write_document(const Document&, const std::filesystem::path&, const Options&,
                            Diagnostics&) {
    cannot(*this, "write a document");
}

Dataset Format::read_batches(const std::filesystem::path&, const Options&, BatchSink&,
                             Diagnostics&) {
    cannot(*this, "read a dataset in parts");
}

std::unique_ptr<BatchWriter> Format::open_batches(const std::filesystem::path&, const Options&,
                                                  Diagnostics&) {
    return nullptr;
}

}  // namespace kdx
