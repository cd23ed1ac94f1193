#include "store_reader.hpp"

#include <unordered_map>

#include "kdx/error.hpp"

namespace kdx::store {

namespace {

class Reader {
  public:
    Reader(Db& db, Dataset& d) : db_(db), d_(d) {}

    void read() {
        sources();
        info();
        indicators();
        municipalities();
        settlement();
        programmes();
        outcomes();
        nominations();
    }

  private:
    // Columns source_id, line, col starting at column c.
    Origin origin(const Statement& s, int c) const {
        Origin o;
        if (!s.is_null(c)) {
            auto it = source_index_.find(s.integer(c));
            if (it != source_index_.end()) o.source = it->second;
        }
        o.line = static_cast<std::uint32_t>(s.integer(c + 1));
        o.column = static_cast<std::uint32_t>(s.integer(c + 2));
        return o;
    }

    // A number and its _suppressed flag at columns c, c + 1.
    static Value value(const Statement& s, int c) {
        if (s.integer(c + 1) != 0) return Value::suppressed();
        return s.is_null(c) ? Value::missing() : Value(s.real(c));
    }

    template <typename T, typename Parse>
    T parsed(const Statement& s, int c, Parse parse, const char* what) const {
        std::string text = s.text(c);
        auto v = parse(text);
        if (!v) throw Error(db_.shown() + ": unknown " + what + " \"" + text + "\" in the store");
        return *v;
    }

    void sources() {
        Statement s(db_,
                    "SELECT s.id, i.file, s.sheet, i.sha256 FROM sources s JOIN imports i ON i.id "
                    "= s.import_id "
                    "ORDER BY s.id");
        while (s.step()) {
            d_.sources.push_back({s.text(1), s.text(2), s.text(3)});
            source_index_[s.integer(0)] = static_cast<std::uint32_t>(d_.sources.size());
        }
    }

    void info() {
        Statement s(db_, "SELECT title, description, language, publisher FROM dataset_info");
        if (s.step()) {
            d_.info.title = s.text(0);
            d_.info.description = s.text(1);
            d_.info.language = s.text(2);
            d_.info.publisher = s.text(3);
        }
        Statement p(db_, "SELECT note FROM provenance ORDER BY seq");
        while (p.step()) d_.info.provenance.push_back(p.text(0));
        Statement ds(db_,
                     "SELECT publisher, title_nb, title_nn, title_en, as_of, licence, link "
                     "FROM data_sources ORDER BY seq");
        while (ds.step()) {
            DataSource x;
            x.publisher = ds.text(0);
            x.title_nb = ds.text(1);
            x.title_nn = ds.text(2);
            x.title_en = ds.text(3);
            x.as_of = ds.text(4);
            x.licence = ds.text(5);
            x.link = ds.text(6);
            d_.info.data_sources.push_back(std::move(x));
        }
    }

    void indicators() {
        Statement s(db_,
                    "SELECT id, label_nb, label_nn, label_en, unit, additive, person_statistic "
                    "FROM indicators ORDER BY seq");
        while (s.step()) {
            Indicator i;
            i.id = s.text(0);
            i.label_nb = s.text(1);
            i.label_nn = s.text(2);
            i.label_en = s.text(3);
            i.unit = parsed<Unit>(s, 4, unit_from_string, "unit");
            i.additive = s.integer(5) != 0;
            i.person_statistic = s.integer(6) != 0;
            d_.indicators.push_back(std::move(i));
        }
    }

    void municipalities() {
        std::unordered_map<std::int64_t, std::size_t> index;
        Statement s(db_,
                    "SELECT seq, number, name, county_number, county_name, imdi_region, language, "
                    "population, valid_from, valid_to, source_id, line, col "
                    "FROM municipalities ORDER BY seq");
        while (s.step()) {
            Municipality m;
            m.number = s.text(1);
            m.name = s.text(2);
            m.county_number = s.text(3);
            m.county_name = s.text(4);
            m.imdi_region = s.text(5);
            m.language = parsed<LanguageForm>(s, 6, language_form_from_string, "language form");
            if (!s.is_null(7)) m.population = s.integer(7);
            m.valid_from = static_cast<int>(s.integer(8));
            m.valid_to = static_cast<int>(s.integer(9));
            m.origin = origin(s, 10);
            index[s.integer(0)] = d_.municipalities.size();
            d_.municipalities.push_back(std::move(m));
        }
        Statement n(db_,
                    "SELECT municipality_seq, name FROM municipality_names "
                    "ORDER BY municipality_seq, position");
        while (n.step()) d_.municipalities[index.at(n.integer(0))].other_names.push_back(n.text(1));
    }

    void settlement() {
        Statement s(db_,
                    "SELECT municipality, year, requested, requested_suppressed, decided, "
                    "decided_suppressed, settled, settled_suppressed, unaccompanied_minors, "
                    "unaccompanied_minors_suppressed, family_reunifications, "
                    "family_reunifications_suppressed, source_id, line, col "
                    "FROM settlement ORDER BY seq");
        while (s.step()) {
            SettlementFigures f;
            f.municipality = s.text(0);
            f.year = static_cast<int>(s.integer(1));
            f.requested = value(s, 2);
            f.decided = value(s, 4);
            f.settled = value(s, 6);
            f.unaccompanied_minors = value(s, 8);
            f.family_reunifications = value(s, 10);
            f.origin = origin(s, 12);
            d_.settlement.push_back(std::move(f));
        }
    }

    void programmes() {
        std::unordered_map<std::int64_t, std::size_t> index;
        Statement s(db_,
                    "SELECT seq, id, municipality, kind, name, description, source_id, line, col "
                    "FROM programmes ORDER BY seq");
        while (s.step()) {
            Programme p;
            p.id = s.text(1);
            p.municipality = s.text(2);
            p.kind = parsed<ProgrammeKind>(s, 3, programme_kind_from_string, "programme kind");
            p.name = s.text(4);
            p.description = s.text(5);
            p.origin = origin(s, 6);
            index[s.integer(0)] = d_.programmes.size();
            d_.programmes.push_back(std::move(p));
        }
        Statement partners(db_,
                           "SELECT programme_seq, partner FROM programme_partners "
                           "ORDER BY programme_seq, position");
        while (partners.step())
            d_.programmes[index.at(partners.integer(0))].partners.push_back(partners.text(1));
        Statement years(db_,
                        "SELECT programme_seq, year FROM programme_years "
                        "ORDER BY programme_seq, position");
        while (years.step())
            d_.programmes[index.at(years.integer(0))].years.push_back(
                static_cast<int>(years.integer(1)));
    }

    void outcomes() {
        Statement s(
            db_,
            "SELECT municipality, programme, indicator, year, value, value_suppressed, unit, "
            "cohort_size, cohort_size_suppressed, source, source_id, line, col "
            "FROM outcomes ORDER BY seq");
        while (s.step()) {
            Outcome o;
            o.municipality = s.text(0);
            o.programme = s.text(1);
            o.indicator = s.text(2);
            o.year = static_cast<int>(s.integer(3));
            o.value = value(s, 4);
            o.unit = parsed<Unit>(s, 6, unit_from_string, "unit");
            o.cohort_size = value(s, 7);
            o.source = s.text(9);
            o.origin = origin(s, 10);
            d_.outcomes.push_back(std::move(o));
        }
    }

    void nominations() {
        std::unordered_map<std::int64_t, std::size_t> index;
        Statement s(db_,
                    "SELECT seq, prize, year, municipality, status, summary, last_updated, votes, "
                    "votes_suppressed, source_id, line, col FROM nominations ORDER BY seq");
        while (s.step()) {
            Nomination n;
            n.prize = s.text(1);
            n.year = static_cast<int>(s.integer(2));
            n.municipality = s.text(3);
            n.status = parsed<NominationStatus>(s, 4, nomination_status_from_string, "status");
            n.summary = s.text(5);
            n.last_updated = s.text(6);
            n.votes = value(s, 7);
            n.origin = origin(s, 9);
            index[s.integer(0)] = d_.nominations.size();
            d_.nominations.push_back(std::move(n));
        }
        Statement sections(db_,
                           "SELECT nomination_seq, heading, text FROM nomination_sections "
                           "ORDER BY nomination_seq, position");
        while (sections.step())
            d_.nominations[index.at(sections.integer(0))].sections.push_back(
                {sections.text(1), sections.text(2)});
    }

    Db& db_;
    Dataset& d_;
    std::unordered_map<std::int64_t, std::uint32_t> source_index_;
};

}  // namespace

void read_tables(Db& db, Dataset& d) { Reader(db, d).read(); }

}  // namespace kdx::store
