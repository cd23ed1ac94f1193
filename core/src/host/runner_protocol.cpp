#include "host/runner_protocol.hpp"

namespace kdx::host::runner {

std::string encode_request(Operation operation, const std::filesystem::path& plugin_file,
                           const std::string& format, const std::filesystem::path& target,
                           const Options& options, const Dataset* dataset,
                           const Document* document) {
    wire::Writer w;
    wire::put_header(w);
    w.u8(static_cast<std::uint8_t>(operation));
    w.text(plugin_file.string());
    w.text(format);
    w.text(target.string());
    wire::put(w, options);
    if (operation == Operation::write_dataset) wire::put(w, *dataset);
    if (operation == Operation::write_document) wire::put(w, *document);
    return w.bytes();
}

Request decode_request(const std::string& bytes) {
    wire::Reader r(bytes, "plugin request");
    wire::get_header(r);
    Request q;
    const std::uint8_t op = r.u8();
    if (op < 1 || op > 4) r.fail("unknown operation " + std::to_string(op));
    q.operation = static_cast<Operation>(op);
    q.plugin_file = r.text();
    q.format = r.text();
    q.target = r.text();
    wire::get(r, q.options);
    if (q.operation == Operation::write_dataset) wire::get(r, q.dataset);
    if (q.operation == Operation::write_document) wire::get(r, q.document);
    if (!r.at_end()) r.fail("bytes after the end");
    return q;
}

std::string encode_response(const Response& response, Operation operation) {
    wire::Writer w;
    wire::put_header(w);
    w.u8(static_cast<std::uint8_t>(response.outcome));
    w.text(response.error.message);
    wire::put(w, response.error.where);
    wire::put(w, response.diagnostics);
    if (operation == Operation::read_dataset && response.outcome == Outcome::ok)
        wire::put(w, response.dataset);
    if (operation == Operation::describe && response.outcome == Outcome::ok)
        w.text(response.manifest);
    return w.bytes();
}

Response decode_response(const std::string& bytes, Operation operation) {
    wire::Reader r(bytes, "answer of kdx-plugin-runner");
    wire::get_header(r);
    Response a;
    const std::uint8_t outcome = r.u8();
    if (outcome > 3) r.fail("unknown outcome " + std::to_string(outcome));
    a.outcome = static_cast<Outcome>(outcome);
    a.error.message = r.text();
    wire::get(r, a.error.where);
    wire::get(r, a.diagnostics);
    if (operation == Operation::read_dataset && a.outcome == Outcome::ok) wire::get(r, a.dataset);
    if (operation == Operation::describe && a.outcome == Outcome::ok) a.manifest = r.text();
    if (!r.at_end()) r.fail("bytes after the end");
    return a;
}

}  // namespace kdx::host::runner
