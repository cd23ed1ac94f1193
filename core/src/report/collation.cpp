#include "report/collation.hpp"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/stringpiece.h>

#include <memory>
#include <mutex>

namespace kdx::report {

namespace {

// One collator, opened once; ICU's Collator::compare is const but not
// documented as thread-safe, so calls are serialised.
struct Norwegian {
    std::unique_ptr<icu::Collator> collator;
    std::mutex mutex;
    Norwegian() {
        UErrorCode status = U_ZERO_ERROR;
        collator.reset(icu::Collator::createInstance(icu::Locale("nb", "NO"), status));
        if (U_FAILURE(status)) collator.reset();
    }
};

Norwegian& norwegian() {
    static Norwegian n;
    return n;
}

}  // namespace

bool norwegian_less(const std::string& a, const std::string& b) {
    Norwegian& n = norwegian();
    if (!n.collator) return a < b;
    std::lock_guard<std::mutex> lock(n.mutex);
    UErrorCode status = U_ZERO_ERROR;
    UCollationResult r =
        n.collator->compareUTF8(icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
                                icu::StringPiece(b.data(), static_cast<int32_t>(b.size())), status);
    if (U_FAILURE(status)) return a < b;
    return r == UCOL_LESS;
}

}  // namespace kdx::report
