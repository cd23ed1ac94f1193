#include "store_writer.hpp"

#include <map>
#include <memory>
#include <unordered_set>

#include "import_time.hpp"
#include "kdx/error.hpp"
#include "kdx/version.hpp"
#include "store_schema.hpp"

namespace kdx::store {

namespace {

// The SHA-256 a source's file is recorded with. One place, so that a hash
// carried by the model itself can take over.
// The hash the reading recorded (kdx computes it beside the reading, so a
// file named only by its base name is never looked up again here).
std::optional<std::string> source_sha256(const Source& s) {
    if (s.sha256.empty()) return std::nullopt;
    return s.sha256;
}

// A record of the store that a new one collides with.
struct Existing {
    std::int64_t seq = 0;
    Location where;
    std::string imported_at;
};

// The key and place of a record, for messages.
std::string text_of(const Location& l) {
    std::string s = l.to_string();
    return s.empty() ? "an unknown place" : s;
}

// Binds a Value to columns i (number) and i + 1 (suppressed flag).
void bind_value(Statement& s, int i, const Value& v) {
    if (v.has_value())
        s.bind(i, v.get());
    else
        s.bind_null(i);
    s.bind(i + 1, v.is_suppressed() ? 1 : 0);
}

// The state of a table whose records may come in several calls.
struct TableState {
    std::optional<std::int64_t> next_seq;
    // Records written by this import, to tell a key given twice from one in
    // the store; not kept where the keys are made after the records.
    std::unordered_set<std::int64_t> written;
};

}  // namespace

class Importer {
  public:
    // `keys_after`: the store is new and has no keys on its large tables
    // yet; they are created after the records are in.
    Importer(Db& db, WriteMode mode, bool keys_after)
        : db_(db), mode_(mode), keys_after_(keys_after), at_(utc_timestamp()) {}

    // The settlement figures and outcomes of a part, and its new sources.
    void part(const Dataset& p) {
        d_ = &p;
        imports();
        records(p.settlement, settlement_table(), settlement_);
        records(p.outcomes, outcome_table(), outcomes_);
    }

    // Everything of `d` (the whole dataset, or the rest after the parts),
    // then the keys and the checks that need every record.
    void run(const Dataset& d) {
        d_ = &d;
        imports();
        hashes();
        info();
        indicators();
        municipalities();
        records(d.settlement, settlement_table(), settlement_);
        programmes();
        records(d.outcomes, outcome_table(), outcomes_);
        nominations();
        if (keys_after_) create_keys_or_report();
        if (conflicts_ > 0) {
            const std::size_t more = conflicts_ - 1;
            const std::string rest = more == 0
                                         ? ""
                                         : "; " + std::to_string(more) +
                                               (more == 1 ? " more record with a repeated key"
                                                          : " more records with repeated keys");
            throw Error(first_conflict_ + rest + "; nothing was written", first_conflict_at_);
        }
        check_programme_references();
    }

  private:
    // --- sources and imports -------------------------------------------

    // An imports row per file and a sources row per source not written yet
    // (a part's sources grow as the reader goes on).
    void imports() {
        const Dataset& d = *d_;
        if (source_ids_.size() >= d.sources.size()) return;
        const char* mode = !mode_.merge ? "create" : mode_.replace ? "replace" : "merge";
        if (!next_import_) {
            next_import_ = next_id("imports", "id");
            next_source_ = next_id("sources", "id");
        }
        Statement add_import(
            db_,
            "INSERT INTO imports (id, file, sha256, imported_at, mode, kdx_version) "
            "VALUES (?, ?, ?, ?, ?, ?)");
        Statement add_source(db_, "INSERT INTO sources (id, import_id, sheet) VALUES (?, ?, ?)");
        for (std::size_t i = source_ids_.size(); i < d.sources.size(); ++i) {
            const Source& s = d.sources[i];
            auto it = import_of_file_.find(s.file);
            if (it == import_of_file_.end()) {
                add_import.reset();
                add_import.bind(1, *next_import_).bind(2, s.file);
                auto hash = source_sha256(s);
                if (hash)
                    add_import.bind(3, *hash);
                else
                    add_import.bind_null(3);
                add_import.bind(4, at_).bind(5, std::string(mode)).bind(6, std::string(version()));
                add_import.run();
                if (!hash) unhashed_.emplace_back(*next_import_, i);
                it = import_of_file_.emplace(s.file, (*next_import_)++).first;
            }
            add_source.reset();
            add_source.bind(1, next_source_).bind(2, it->second).bind(3, s.sheet);
            add_source.run();
            source_ids_.push_back(next_source_++);
        }
    }

    // The hash of a file its first part did not know yet (kdx computes it
    // beside the reading).
    void hashes() {
        if (unhashed_.empty()) return;
        Statement set(db_, "UPDATE imports SET sha256 = ? WHERE id = ?");
        for (const auto& [import_id, source] : unhashed_)
            if (auto hash = source_sha256(d_->sources[source])) {
                set.reset();
                set.bind(1, *hash).bind(2, import_id);
                set.run();
            }
        unhashed_.clear();
    }

    std::int64_t next_id(const char* table, const char* column) {
        return db_.integer(std::string("SELECT COALESCE(max(") + column + "), 0) + 1 FROM " + table)
            .value_or(1);
    }

    void bind_origin(Statement& s, int i, const Origin& o) {
        if (o.source > 0 && o.source <= source_ids_.size())
            s.bind(i, source_ids_[o.source - 1]);
        else
            s.bind_null(i);
        s.bind(i + 1, static_cast<std::int64_t>(o.line));
        s.bind(i + 2, static_cast<std::int64_t>(o.column));
    }

    // --- dataset info: empty fields filled, notes and data sources added --

    void info() {
        const DatasetInfo& i = d_->info;
        Statement add(db_,
                      "INSERT INTO dataset_info (id, title, description, language, publisher) "
                      "VALUES (1, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                      "title = CASE WHEN dataset_info.title = '' THEN excluded.title ELSE "
                      "dataset_info.title END, "
                      "description = CASE WHEN dataset_info.description = '' THEN "
                      "excluded.description ELSE dataset_info.description END, "
                      "language = CASE WHEN dataset_info.language = '' THEN excluded.language ELSE "
                      "dataset_info.language END, "
                      "publisher = CASE WHEN dataset_info.publisher = '' THEN excluded.publisher "
                      "ELSE dataset_info.publisher END");
        add.bind(1, i.title).bind(2, i.description).bind(3, i.language).bind(4, i.publisher);
        add.run();

        std::int64_t seq = next_id("provenance", "seq");
        Statement known_note(db_, "SELECT 1 FROM provenance WHERE note = ?");
        Statement add_note(db_, "INSERT INTO provenance (seq, note) VALUES (?, ?)");
        for (const std::string& note : i.provenance) {
            known_note.reset();
            if (mode_.merge && known_note.bind(1, note).step()) continue;
            add_note.reset();
            add_note.bind(1, seq++).bind(2, note);
            add_note.run();
        }

        seq = next_id("data_sources", "seq");
        Statement known(db_,
                        "SELECT 1 FROM data_sources WHERE publisher = ? AND title_nb = ? AND "
                        "title_nn = ? AND title_en = ? AND as_of = ? AND licence = ? AND link = ?");
        Statement add_source(db_,
                             "INSERT INTO data_sources (publisher, title_nb, title_nn, title_en, "
                             "as_of, licence, link, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        for (const DataSource& s : i.data_sources) {
            auto bind = [&s](Statement& st) {
                st.bind(1, s.publisher).bind(2, s.title_nb).bind(3, s.title_nn).bind(4, s.title_en);
                st.bind(5, s.as_of).bind(6, s.licence).bind(7, s.link);
            };
            known.reset();
            bind(known);
            if (mode_.merge && known.step()) continue;
            add_source.reset();
            bind(add_source);
            add_source.bind(8, seq++);
            add_source.run();
        }
    }

    // --- conflicts ---------------------------------------------------------

    void conflict(const std::string& message, const Location& where) {
        if (conflicts_++ == 0) {
            first_conflict_ = message;
            first_conflict_at_ = where;
        }
    }

    // The store's record at a key, by a query selecting seq, file, sheet,
    // line, col and imported_at.
    std::optional<Existing> existing(Statement& find) {
        if (!find.step()) return std::nullopt;
        Existing e;
        e.seq = find.integer(0);
        Dataset one;
        Origin o;
        if (!find.is_null(1)) o.source = one.add_source(find.text(1), find.text(2));
        o.line = static_cast<std::uint32_t>(find.integer(3));
        o.column = static_cast<std::uint32_t>(find.integer(4));
        e.where = one.location_of(o);
        e.imported_at = find.text(5);
        return e;
    }

    // Reports a record whose key is taken. Returns true when the caller
    // should replace the existing record.
    bool collides(const std::string& what, const Origin& origin, const Existing& e,
                  std::unordered_set<std::int64_t>& written) {
        const Location here = d_->location_of(origin);
        if (written.count(e.seq)) {
            conflict(what + " is given twice: at " + text_of(here) + " and at " + text_of(e.where),
                     here);
            return false;
        }
        if (mode_.replace) return true;
        conflict(what + " at " + text_of(here) + " is in the store already, from " +
                     text_of(e.where) +
                     (e.imported_at.empty() ? "" : " (imported " + e.imported_at + ")") +
                     "; --replace (-o replace=true) replaces such records",
                 here);
        return false;
    }

    static std::string origin_join(const char* table) {
        return std::string(" FROM ") + table +
               " x LEFT JOIN sources s ON s.id = x.source_id "
               "LEFT JOIN imports i ON i.id = s.import_id WHERE ";
    }
    static std::string existing_columns() {
        return "SELECT x.seq, i.file, s.sheet, x.line, x.col, i.imported_at";
    }

    // --- records with a key: insert, and on a taken key report or replace ---

    template <typename Record>
    struct Table {
        const char* table;
        std::string insert_sql;                              // seq is parameter 1
        std::string key_sql;                                 // WHERE clause on x.<key columns>
        void (*bind)(Importer&, Statement&, const Record&);  // from parameter 2
        void (*bind_key)(Statement&, const Record&);         // from parameter 1
        std::string (*what)(const Record&);
        // Children written after the record, e.g. a programme's partners.
        void (*children)(Importer&, std::int64_t seq, const Record&) = nullptr;
        // Its key is among those a new store makes after the records.
        bool key_made_after = false;
    };

    template <typename Record>
    void records(const std::vector<Record>& list, const Table<Record>& t, TableState& state) {
        if (list.empty()) return;
        Statement insert(db_, t.insert_sql);
        Statement find(db_, existing_columns() + origin_join(t.table) + t.key_sql);
        Statement remove(db_, std::string("DELETE FROM ") + t.table + " WHERE seq = ?");
        // Without a key while inserting, no insert is refused.
        const bool keyed = !(keys_after_ && t.key_made_after);
        std::unordered_set<std::int64_t>& written = state.written;
        std::int64_t seq = state.next_seq ? *state.next_seq : next_id(t.table, "seq");
        for (const Record& r : list) {
            std::int64_t at = seq;
            insert.reset();
            insert.bind(1, at);
            t.bind(*this, insert, r);
            if (!insert.step() && !insert.done()) {
                if (!insert.key_taken()) db_.fail("cannot write " + t.what(r));
                find.reset();
                t.bind_key(find, r);
                std::optional<Existing> e = existing(find);
                if (!e) db_.fail("cannot write " + t.what(r));
                if (!collides(t.what(r), r.origin, *e, written)) continue;
                // Replaced in place: the record keeps its place in the order.
                remove.reset();
                remove.bind(1, e->seq).run();
                at = e->seq;
                insert.reset();
                insert.bind(1, at);
                t.bind(*this, insert, r);
                insert.run();
            } else {
                ++seq;
            }
            if (keyed) written.insert(at);
            if (t.children) t.children(*this, at, r);
        }
        state.next_seq = seq;
    }

    static Table<SettlementFigures> settlement_table() {
        Table<SettlementFigures> t;
        t.table = "settlement";
        t.insert_sql =
            "INSERT INTO settlement (seq, municipality, year, requested, requested_suppressed, "
            "decided, decided_suppressed, settled, settled_suppressed, unaccompanied_minors, "
            "unaccompanied_minors_suppressed, family_reunifications, "
            "family_reunifications_suppressed, source_id, line, col) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        t.key_sql = "x.municipality = ? AND x.year = ?";
        t.key_made_after = true;
        t.bind = [](Importer& self, Statement& s, const SettlementFigures& f) {
            s.bind(2, f.municipality).bind(3, f.year);
            bind_value(s, 4, f.requested);
            bind_value(s, 6, f.decided);
            bind_value(s, 8, f.settled);
            bind_value(s, 10, f.unaccompanied_minors);
            bind_value(s, 12, f.family_reunifications);
            self.bind_origin(s, 14, f.origin);
        };
        t.bind_key = [](Statement& s, const SettlementFigures& f) {
            s.bind(1, f.municipality).bind(2, f.year);
        };
        t.what = [](const SettlementFigures& f) {
            return "settlement " + f.municipality + " " + std::to_string(f.year);
        };
        return t;
    }

    static Table<Outcome> outcome_table() {
        Table<Outcome> t;
        t.table = "outcomes";
        t.insert_sql =
            "INSERT INTO outcomes (seq, municipality, programme, indicator, year, value, "
            "value_suppressed, unit, cohort_size, cohort_size_suppressed, source, source_id, line, "
            "col) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        t.key_sql =
            "x.municipality = ? AND COALESCE(x.programme, '') = ? AND x.year = ? AND x.indicator = "
            "?";
        t.key_made_after = true;
        t.bind = [](Importer& self, Statement& s, const Outcome& o) {
            s.bind(2, o.municipality);
            if (o.programme.empty())
                s.bind_null(3);
            else
                s.bind(3, o.programme);
            s.bind(4, o.indicator).bind(5, o.year);
            bind_value(s, 6, o.value);
            s.bind(8, std::string(to_string(o.unit)));
            bind_value(s, 9, o.cohort_size);
            s.bind(11, o.source);
            self.bind_origin(s, 12, o.origin);
        };
        t.bind_key = [](Statement& s, const Outcome& o) {
            s.bind(1, o.municipality).bind(2, o.programme).bind(3, o.year).bind(4, o.indicator);
        };
        t.what = [](const Outcome& o) {
            return "outcome " + o.indicator + " " + o.municipality + " " + std::to_string(o.year) +
                   (o.programme.empty() ? "" : " (programme \"" + o.programme + "\")");
        };
        return t;
    }

    void programmes() {
        Table<Programme> t;
        t.table = "programmes";
        t.insert_sql =
            "INSERT INTO programmes (seq, id, municipality, kind, name, description, source_id, "
            "line, col) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        t.key_sql = "x.id = ?";
        t.bind = [](Importer& self, Statement& s, const Programme& p) {
            s.bind(2, p.id).bind(3, p.municipality).bind(4, std::string(to_string(p.kind)));
            s.bind(5, p.name).bind(6, p.description);
            self.bind_origin(s, 7, p.origin);
        };
        t.bind_key = [](Statement& s, const Programme& p) { s.bind(1, p.id); };
        t.what = [](const Programme& p) { return "programme \"" + p.id + "\""; };
        t.children = [](Importer& self, std::int64_t seq, const Programme& p) {
            if (!self.partner_) {
                self.partner_ =
                    std::make_unique<Statement>(self.db_,
                                                "INSERT INTO programme_partners (programme_seq, "
                                                "position, partner) VALUES (?, ?, ?)");
                self.year_ = std::make_unique<Statement>(
                    self.db_,
                    "INSERT INTO programme_years (programme_seq, position, year) VALUES (?, ?, ?)");
            }
            for (std::size_t i = 0; i < p.partners.size(); ++i) {
                self.partner_->reset();
                self.partner_->bind(1, seq)
                    .bind(2, static_cast<std::int64_t>(i))
                    .bind(3, p.partners[i]);
                self.partner_->run();
            }
            for (std::size_t i = 0; i < p.years.size(); ++i) {
                self.year_->reset();
                self.year_->bind(1, seq).bind(2, static_cast<std::int64_t>(i)).bind(3, p.years[i]);
                self.year_->run();
            }
        };
        TableState state;
        records(d_->programmes, t, state);
    }

    void nominations() {
        Table<Nomination> t;
        t.table = "nominations";
        t.insert_sql =
            "INSERT INTO nominations (seq, prize, year, municipality, status, summary, "
            "last_updated, votes, votes_suppressed, source_id, line, col) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        t.key_sql = "x.prize = ? AND x.year = ? AND x.municipality = ?";
        t.key_made_after = true;
        t.bind = [](Importer& self, Statement& s, const Nomination& n) {
            s.bind(2, n.prize).bind(3, n.year).bind(4, n.municipality);
            s.bind(5, std::string(to_string(n.status))).bind(6, n.summary).bind(7, n.last_updated);
            bind_value(s, 8, n.votes);
            self.bind_origin(s, 10, n.origin);
        };
        t.bind_key = [](Statement& s, const Nomination& n) {
            s.bind(1, n.prize).bind(2, n.year).bind(3, n.municipality);
        };
        t.what = [](const Nomination& n) {
            return "nomination " + n.municipality + " " + std::to_string(n.year) + " (" + n.prize +
                   ")";
        };
        t.children = [](Importer& self, std::int64_t seq, const Nomination& n) {
            if (!self.section_)
                self.section_ = std::make_unique<Statement>(
                    self.db_,
                    "INSERT INTO nomination_sections (nomination_seq, position, heading, text) "
                    "VALUES (?, ?, ?, ?)");
            for (std::size_t i = 0; i < n.sections.size(); ++i) {
                self.section_->reset();
                self.section_->bind(1, seq).bind(2, static_cast<std::int64_t>(i));
                self.section_->bind(3, n.sections[i].heading).bind(4, n.sections[i].text);
                self.section_->run();
            }
        };
        TableState state;
        records(d_->nominations, t, state);
    }

    // --- catalogue entries and municipalities: merged field by field -------

    void indicators() {
        Statement insert(db_,
                         "INSERT INTO indicators (seq, id, label_nb, label_nn, label_en, unit, "
                         "additive, person_statistic) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        Statement find(db_,
                       "SELECT seq, label_nb, label_nn, label_en, unit, additive, person_statistic "
                       "FROM indicators WHERE id = ?");
        Statement remove(db_, "DELETE FROM indicators WHERE seq = ?");
        std::unordered_set<std::int64_t> written;
        std::int64_t seq = next_id("indicators", "seq");
        for (const Indicator& i : d_->indicators) {
            auto bind = [&i](Statement& s, std::int64_t at) {
                s.reset();
                s.bind(1, at).bind(2, i.id).bind(3, i.label_nb).bind(4, i.label_nn);
                s.bind(5, i.label_en).bind(6, std::string(to_string(i.unit)));
                s.bind(7, i.additive ? 1 : 0).bind(8, i.person_statistic ? 1 : 0);
            };
            bind(insert, seq);
            if (insert.step() || insert.done()) {
                written.insert(seq++);
                continue;
            }
            find.reset();
            if (!find.bind(1, i.id).step()) db_.fail("cannot write indicator " + i.id);
            const std::int64_t at = find.integer(0);
            const bool same = find.text(1) == i.label_nb && find.text(2) == i.label_nn &&
                              find.text(3) == i.label_en && find.text(4) == to_string(i.unit) &&
                              (find.integer(5) != 0) == i.additive &&
                              (find.integer(6) != 0) == i.person_statistic;
            if (written.count(at)) {
                conflict("indicator \"" + i.id + "\" is given twice", {});
            } else if (!same && !mode_.replace) {
                conflict("indicator \"" + i.id +
                             "\" is in the store already with other labels, unit or flags; "
                             "--replace (-o replace=true) replaces it",
                         {});
            } else if (!same) {
                remove.reset();
                remove.bind(1, at).run();
                bind(insert, at);
                insert.run();
            }
            written.insert(at);
        }
    }

    // A municipality is shared by every import that names it: a field the
    // import leaves empty keeps the store's value, an empty field of the
    // store is filled in, and two different values are a conflict that
    // --replace settles for the import.
    void municipalities() {
        if (d_->municipalities.empty()) return;
        Statement insert(
            db_,
            "INSERT INTO municipalities (seq, number, name, county_number, county_name, "
            "imdi_region, language, population, valid_from, valid_to, source_id, line, "
            "col) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        Statement find(db_,
                       existing_columns() +
                           ", x.name, x.county_number, x.county_name, "
                           "x.imdi_region, x.language, x.population, x.valid_from, x.valid_to, "
                           "x.source_id" +
                           origin_join("municipalities") + "x.number = ?");
        Statement names(db_,
                        "SELECT name FROM municipality_names WHERE municipality_seq = ? "
                        "ORDER BY position");
        Statement add_name(db_,
                           "INSERT INTO municipality_names (municipality_seq, position, name) "
                           "VALUES (?, ?, ?)");
        Statement remove(db_, "DELETE FROM municipalities WHERE seq = ?");
        std::unordered_set<std::int64_t> written;
        std::int64_t seq = next_id("municipalities", "seq");

        auto write = [&](std::int64_t at, const Municipality& m, bool keep_source,
                         std::optional<std::int64_t> source, bool run_checked) -> bool {
            insert.reset();
            insert.bind(1, at).bind(2, m.number).bind(3, m.name).bind(4, m.county_number);
            insert.bind(5, m.county_name).bind(6, m.imdi_region);
            insert.bind(7, std::string(to_string(m.language)));
            if (m.population)
                insert.bind(8, *m.population);
            else
                insert.bind_null(8);
            insert.bind(9, m.valid_from).bind(10, m.valid_to);
            bind_origin(insert, 11, m.origin);
            if (keep_source) {
                if (source)
                    insert.bind(11, *source);
                else
                    insert.bind_null(11);
            }
            if (run_checked) {
                if (!insert.step() && !insert.done()) return false;
            } else {
                insert.run();
            }
            for (std::size_t i = 0; i < m.other_names.size(); ++i) {
                add_name.reset();
                add_name.bind(1, at)
                    .bind(2, static_cast<std::int64_t>(i))
                    .bind(3, m.other_names[i]);
                add_name.run();
            }
            return true;
        };

        for (const Municipality& m : d_->municipalities) {
            if (write(seq, m, false, std::nullopt, true)) {
                written.insert(seq++);
                continue;
            }
            if (!insert.key_taken()) db_.fail("cannot write municipality " + m.number);
            find.reset();
            find.bind(1, m.number);
            std::optional<Existing> e = existing(find);
            if (!e) db_.fail("cannot write municipality " + m.number);
            const std::string what = "municipality " + m.number;
            if (written.count(e->seq)) {
                const Location here = d_->location_of(m.origin);
                conflict(
                    what + " is listed twice: at " + text_of(here) + " and at " + text_of(e->where),
                    here);
                continue;
            }
            Municipality old;
            old.number = m.number;
            old.name = find.text(6);
            old.county_number = find.text(7);
            old.county_name = find.text(8);
            old.imdi_region = find.text(9);
            old.language =
                language_form_from_string(find.text(10)).value_or(LanguageForm::unspecified);
            if (!find.is_null(11)) old.population = find.integer(11);
            old.valid_from = static_cast<int>(find.integer(12));
            old.valid_to = static_cast<int>(find.integer(13));
            std::optional<std::int64_t> old_source;
            if (!find.is_null(14)) old_source = find.integer(14);
            old.origin.line = static_cast<std::uint32_t>(find.integer(3));
            old.origin.column = static_cast<std::uint32_t>(find.integer(4));
            names.reset();
            names.bind(1, e->seq);
            while (names.step()) old.other_names.push_back(names.text(0));

            std::vector<std::string> differing;
            Municipality merged = old, incoming = m;
            bool changed = false;
            // Empty in the import: keep; empty in the store: fill; both and
            // different: the import's wins with --replace, else a conflict.
            auto field = [&](const char* name, auto get, auto empty) {
                auto& to = get(merged);
                const auto& from = get(incoming);
                if (empty(from) || from == to) return;
                if (!empty(to) && !mode_.replace) {
                    differing.push_back(name);
                    return;
                }
                to = from;
                changed = true;
            };
            auto no_text = [](const std::string& s) { return s.empty(); };
            field(
                "name", [](Municipality& x) -> std::string& { return x.name; }, no_text);
            field(
                "county number", [](Municipality& x) -> std::string& { return x.county_number; },
                no_text);
            field(
                "county name", [](Municipality& x) -> std::string& { return x.county_name; },
                no_text);
            field(
                "IMDi region", [](Municipality& x) -> std::string& { return x.imdi_region; },
                no_text);
            field(
                "language form", [](Municipality& x) -> LanguageForm& { return x.language; },
                [](LanguageForm f) { return f == LanguageForm::unspecified; });
            field(
                "population",
                [](Municipality& x) -> std::optional<std::int64_t>& { return x.population; },
                [](const std::optional<std::int64_t>& p) { return !p.has_value(); });
            field(
                "other names",
                [](Municipality& x) -> std::vector<std::string>& { return x.other_names; },
                [](const std::vector<std::string>& v) { return v.empty(); });
            field(
                "valid from", [](Municipality& x) -> int& { return x.valid_from; },
                [](int y) { return y == 0; });
            field(
                "valid to", [](Municipality& x) -> int& { return x.valid_to; },
                [](int y) { return y == 0; });
            written.insert(e->seq);
            if (!differing.empty()) {
                std::string fields;
                for (const auto& f : differing) fields += (fields.empty() ? "" : ", ") + f;
                const Location here = d_->location_of(m.origin);
                conflict(what + " at " + text_of(here) + " differs in " + fields +
                             " from the store's, from " + text_of(e->where) +
                             (e->imported_at.empty() ? "" : " (imported " + e->imported_at + ")") +
                             "; --replace (-o replace=true) takes the import's",
                         here);
                continue;
            }
            if (!changed) continue;
            remove.reset();
            remove.bind(1, e->seq).run();
            // A replaced field makes the import the municipality's source;
            // filling gaps keeps the first source.
            if (mode_.replace) {
                merged.origin = m.origin;
                write(e->seq, merged, false, std::nullopt, false);
            } else {
                write(e->seq, merged, true, old_source, false);
            }
        }
    }

    // Creates the UNIQUE keys of the large tables of a new store; a key given
    // twice makes that fail, and is then found and reported like a
    // collision on insert, with the records read back from the tables (they
    // may have come in parts).
    void create_keys_or_report() {
        try {
            db_.before_creating_keys();
            create_keys(db_);
            return;
        } catch (const Error&) {
            const std::size_t before = conflicts_;
            repeated<SettlementFigures>(
                "settlement", "municipality, year", "municipality, year",
                [](Statement& s, SettlementFigures& r) {
                    r.municipality = s.text(0);
                    r.year = static_cast<int>(s.integer(1));
                    return 2;
                },
                settlement_table().what);
            repeated<Outcome>(
                "outcomes", "municipality, COALESCE(programme, ''), year, indicator",
                "municipality, COALESCE(programme, ''), year, indicator",
                [](Statement& s, Outcome& r) {
                    r.municipality = s.text(0);
                    r.programme = s.text(1);
                    r.year = static_cast<int>(s.integer(2));
                    r.indicator = s.text(3);
                    return 4;
                },
                outcome_table().what);
            repeated<Nomination>(
                "nominations", "prize, year, municipality", "prize, year, municipality",
                [](Statement& s, Nomination& r) {
                    r.prize = s.text(0);
                    r.year = static_cast<int>(s.integer(1));
                    r.municipality = s.text(2);
                    return 3;
                },
                [](const Nomination& n) {
                    return "nomination " + n.municipality + " " + std::to_string(n.year) + " (" +
                           n.prize + ")";
                });
            if (conflicts_ == before) throw;
        }
    }

    // The origin of a row from its source_id, line and col at column `i`.
    Origin origin_at(const Statement& s, int i) const {
        Origin o;
        if (!s.is_null(i))
            for (std::size_t k = 0; k < source_ids_.size(); ++k)
                if (source_ids_[k] == s.integer(i)) o.source = static_cast<std::uint32_t>(k + 1);
        o.line = static_cast<std::uint32_t>(s.integer(i + 1));
        o.column = static_cast<std::uint32_t>(s.integer(i + 2));
        return o;
    }

    // Reports the records of `table` whose `key` is given twice: the last
    // of each key against the first. `load` reads the key's `columns` into a
    // record and returns how many there are.
    template <typename Record, typename Load, typename What>
    void repeated(const char* table, const char* key, const char* columns, Load load, What what) {
        Statement twice(db_, std::string("SELECT min(seq), max(seq) FROM ") + table + " GROUP BY " +
                                 key + " HAVING count(*) > 1 ORDER BY 2");
        Statement row(db_, std::string("SELECT ") + columns + ", source_id, line, col FROM " +
                               table + " WHERE seq = ?");
        auto read = [&](std::int64_t seq) {
            row.reset();
            row.bind(1, seq);
            Record r;
            if (!row.step()) return r;
            r.origin = origin_at(row, load(row, r));
            return r;
        };
        while (twice.step()) {
            const Record first = read(twice.integer(0)), second = read(twice.integer(1));
            const Location here = d_->location_of(second.origin);
            conflict(what(second) + " is given twice: at " + text_of(here) + " and at " +
                         text_of(d_->location_of(first.origin)),
                     here);
        }
    }

    // An outcome names its programme; the foreign key is checked at commit,
    // and here first for a message that names the record.
    void check_programme_references() {
        Statement orphan(
            db_,
            "SELECT o.municipality, o.programme, o.indicator, o.year, o.source_id, "
            "o.line, o.col FROM outcomes o WHERE o.programme IS NOT NULL AND NOT EXISTS "
            "(SELECT 1 FROM programmes p WHERE p.id = o.programme) LIMIT 1");
        if (!orphan.step()) return;
        Outcome o;
        o.municipality = orphan.text(0);
        o.programme = orphan.text(1);
        o.indicator = orphan.text(2);
        o.year = static_cast<int>(orphan.integer(3));
        std::string where;
        for (std::size_t i = 0; i < source_ids_.size(); ++i)
            if (!orphan.is_null(4) && source_ids_[i] == orphan.integer(4)) {
                Origin at{static_cast<std::uint32_t>(i + 1),
                          static_cast<std::uint32_t>(orphan.integer(5)),
                          static_cast<std::uint32_t>(orphan.integer(6))};
                throw Error(
                    "outcome " + o.indicator + " " + o.municipality + " " + std::to_string(o.year) +
                        " refers to programme \"" + o.programme +
                        "\", which is neither in the import nor in the store; nothing was written",
                    d_->location_of(at));
            }
        throw Error("outcome " + o.indicator + " " + o.municipality + " " + std::to_string(o.year) +
                    " refers to programme \"" + o.programme +
                    "\", which is neither in the import nor in the store; nothing was written");
    }

    Db& db_;
    const Dataset* d_ = nullptr;  // the dataset or part being written
    WriteMode mode_;
    bool keys_after_ = false;
    std::string at_;  // the imports' time
    std::optional<std::int64_t> next_import_;
    std::int64_t next_source_ = 0;
    std::map<std::string, std::int64_t> import_of_file_;
    std::vector<std::int64_t> source_ids_;  // per Dataset::sources entry
    // Imports written without a hash: id, and the source that made them.
    std::vector<std::pair<std::int64_t, std::size_t>> unhashed_;
    TableState settlement_, outcomes_;
    std::size_t conflicts_ = 0;
    std::string first_conflict_;
    Location first_conflict_at_;
    std::unique_ptr<Statement> partner_, year_, section_;
};

void import_dataset(Db& db, const Dataset& dataset, WriteMode mode, bool keys_after) {
    if (mode.replace) mode.merge = true;
    Importer(db, mode, keys_after).run(dataset);
}

StoreImport::StoreImport(Db& db, WriteMode mode, bool keys_after) {
    if (mode.replace) mode.merge = true;
    importer_ = std::make_unique<Importer>(db, mode, keys_after);
}

StoreImport::~StoreImport() = default;

void StoreImport::part(const Dataset& part) { importer_->part(part); }

void StoreImport::finish(const Dataset& rest) { importer_->run(rest); }

}  // namespace kdx::store
