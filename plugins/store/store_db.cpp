#include "store_db.hpp"

namespace kdx::store {

StatementImpl::~StatementImpl() = default;
Db::~Db() = default;

std::optional<std::int64_t> Db::integer(const std::string& sql) {
    Statement s(*this, sql);
    if (!s.step() || s.is_null(0)) return std::nullopt;
    return s.integer(0);
}

std::optional<std::string> Db::text(const std::string& sql) {
    Statement s(*this, sql);
    if (!s.step() || s.is_null(0)) return std::nullopt;
    return s.text(0);
}

void Statement::run() {
    while (step()) {
    }
    if (!done()) db_.fail("cannot write");
}

}  // namespace kdx::store
