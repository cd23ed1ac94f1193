// The sqlite format loaded from the build tree, a record-by-record dataset
// comparison, and the sqlite3 command-line shell as the independent reader.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "kdx/error.hpp"
#include "test_support.hpp"

namespace kdx::test::sqlite {

inline const fs::path example = source_dir() / "examples" / "data" / "nominees-2018.xml";
inline const fs::path imdi_file = data_dir() / "imdi" / "imdi-settlement-2012-2014.csv";
inline const fs::path test_dir = KDX_SQLITE_TEST_DIR;

inline std::shared_ptr<const host::LoadedFormat> format() { return built_format("sqlite"); }

inline Dataset read(const fs::path& file) {
    Diagnostics diagnostics;
    return format()->read_dataset(file, {}, diagnostics);
}

inline void write(const Dataset& d, const fs::path& file, const Options& options = {}) {
    Diagnostics diagnostics;
    format()->write_dataset(d, file, options, diagnostics);
}

// The message (with its place) of the kdx::Error a call throws, or "no error".
template <typename Call>
std::string error_of(Call call) {
    try {
        call();
    } catch (const kdx::Error& e) {
        std::string where = e.where().to_string();
        return (where.empty() ? "" : where + ": ") + e.message();
    }
    return "no error";
}

// Runs SQL through the sqlite3 shell; its stdout. Fails the test on an error.
inline std::string sql(const fs::path& store, const std::string& statements) {
    CommandResult r =
        run("sqlite3 -batch " + sh_quote(store.string()) + " " + sh_quote(statements));
    EXPECT_EQ(r.exit_code, 0) << statements << "\n" << r.err;
    return r.out;
}

// The store's content as SQL text, for before/after comparisons.
inline std::string dump(const fs::path& store) {
    return run("sqlite3 -batch " + sh_quote(store.string()) + " .dump").out;
}

inline std::string text(const Value& v) {
    return kdx::to_string(v) + (v.is_missing() ? "(missing)" : "");
}

// Every field of every record, origins as their locations when `origins`.
inline void expect_same_dataset(const Dataset& want, const Dataset& got, bool origins = true) {
    auto where = [](const Dataset& d, const Origin& o) { return d.location_of(o).to_string(); };
    EXPECT_EQ(want.info.title, got.info.title);
    EXPECT_EQ(want.info.description, got.info.description);
    EXPECT_EQ(want.info.language, got.info.language);
    EXPECT_EQ(want.info.publisher, got.info.publisher);
    EXPECT_EQ(want.info.provenance, got.info.provenance);
    ASSERT_EQ(want.info.data_sources.size(), got.info.data_sources.size());
    for (std::size_t i = 0; i < want.info.data_sources.size(); ++i) {
        const DataSource &a = want.info.data_sources[i], &b = got.info.data_sources[i];
        EXPECT_EQ(a.publisher, b.publisher);
        EXPECT_EQ(a.title_nb, b.title_nb);
        EXPECT_EQ(a.title_nn, b.title_nn);
        EXPECT_EQ(a.title_en, b.title_en);
        EXPECT_EQ(a.as_of, b.as_of);
        EXPECT_EQ(a.licence, b.licence);
        EXPECT_EQ(a.link, b.link);
    }
    ASSERT_EQ(want.indicators.size(), got.indicators.size());
    for (std::size_t i = 0; i < want.indicators.size(); ++i) {
        const Indicator &a = want.indicators[i], &b = got.indicators[i];
        EXPECT_EQ(a.id, b.id);
        EXPECT_EQ(a.label_nb, b.label_nb);
        EXPECT_EQ(a.label_nn, b.label_nn);
        EXPECT_EQ(a.label_en, b.label_en);
        EXPECT_EQ(a.unit, b.unit);
        EXPECT_EQ(a.additive, b.additive);
        EXPECT_EQ(a.person_statistic, b.person_statistic);
    }
    ASSERT_EQ(want.municipalities.size(), got.municipalities.size());
    for (std::size_t i = 0; i < want.municipalities.size(); ++i) {
        const Municipality &a = want.municipalities[i], &b = got.municipalities[i];
        SCOPED_TRACE("municipality " + a.number);
        EXPECT_EQ(a.number, b.number);
        EXPECT_EQ(a.name, b.name);
        EXPECT_EQ(a.county_number, b.county_number);
        EXPECT_EQ(a.county_name, b.county_name);
        EXPECT_EQ(a.imdi_region, b.imdi_region);
        EXPECT_EQ(a.language, b.language);
        EXPECT_EQ(a.population, b.population);
        EXPECT_EQ(a.other_names, b.other_names);
        EXPECT_EQ(a.valid_from, b.valid_from);
        EXPECT_EQ(a.valid_to, b.valid_to);
        if (origins) {
            EXPECT_EQ(where(want, a.origin), where(got, b.origin));
        }
    }
    ASSERT_EQ(want.settlement.size(), got.settlement.size());
    for (std::size_t i = 0; i < want.settlement.size(); ++i) {
        const SettlementFigures &a = want.settlement[i], &b = got.settlement[i];
        SCOPED_TRACE("settlement " + a.municipality + " " + std::to_string(a.year));
        EXPECT_EQ(a.municipality, b.municipality);
        EXPECT_EQ(a.year, b.year);
        EXPECT_EQ(text(a.requested), text(b.requested));
        EXPECT_EQ(text(a.decided), text(b.decided));
        EXPECT_EQ(text(a.settled), text(b.settled));
        EXPECT_EQ(text(a.unaccompanied_minors), text(b.unaccompanied_minors));
        EXPECT_EQ(text(a.family_reunifications), text(b.family_reunifications));
        EXPECT_TRUE(a.requested == b.requested && a.decided == b.decided && a.settled == b.settled);
        if (origins) {
            EXPECT_EQ(where(want, a.origin), where(got, b.origin));
        }
    }
    ASSERT_EQ(want.programmes.size(), got.programmes.size());
    for (std::size_t i = 0; i < want.programmes.size(); ++i) {
        const Programme &a = want.programmes[i], &b = got.programmes[i];
        SCOPED_TRACE("programme " + a.id);
        EXPECT_EQ(a.id, b.id);
        EXPECT_EQ(a.municipality, b.municipality);
        EXPECT_EQ(a.kind, b.kind);
        EXPECT_EQ(a.name, b.name);
        EXPECT_EQ(a.description, b.description);
        EXPECT_EQ(a.partners, b.partners);
        EXPECT_EQ(a.years, b.years);
        if (origins) {
            EXPECT_EQ(where(want, a.origin), where(got, b.origin));
        }
    }
    ASSERT_EQ(want.outcomes.size(), got.outcomes.size());
    for (std::size_t i = 0; i < want.outcomes.size(); ++i) {
        const Outcome &a = want.outcomes[i], &b = got.outcomes[i];
        SCOPED_TRACE("outcome " + a.indicator + " " + a.municipality + " " +
                     std::to_string(a.year));
        EXPECT_EQ(a.municipality, b.municipality);
        EXPECT_EQ(a.programme, b.programme);
        EXPECT_EQ(a.indicator, b.indicator);
        EXPECT_EQ(a.year, b.year);
        EXPECT_TRUE(a.value == b.value) << text(a.value) << " vs " << text(b.value);
        EXPECT_EQ(a.unit, b.unit);
        EXPECT_TRUE(a.cohort_size == b.cohort_size);
        EXPECT_EQ(a.source, b.source);
        if (origins) {
            EXPECT_EQ(where(want, a.origin), where(got, b.origin));
        }
    }
    ASSERT_EQ(want.nominations.size(), got.nominations.size());
    for (std::size_t i = 0; i < want.nominations.size(); ++i) {
        const Nomination &a = want.nominations[i], &b = got.nominations[i];
        SCOPED_TRACE("nomination " + a.municipality);
        EXPECT_EQ(a.prize, b.prize);
        EXPECT_EQ(a.year, b.year);
        EXPECT_EQ(a.municipality, b.municipality);
        EXPECT_EQ(a.status, b.status);
        EXPECT_EQ(a.summary, b.summary);
        ASSERT_EQ(a.sections.size(), b.sections.size());
        for (std::size_t s = 0; s < a.sections.size(); ++s) {
            EXPECT_EQ(a.sections[s].heading, b.sections[s].heading);
            EXPECT_EQ(a.sections[s].text, b.sections[s].text);
        }
        EXPECT_EQ(a.last_updated, b.last_updated);
        EXPECT_TRUE(a.votes == b.votes);
        if (origins) {
            EXPECT_EQ(where(want, a.origin), where(got, b.origin));
        }
    }
}

}  // namespace kdx::test::sqlite
