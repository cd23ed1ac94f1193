// The PDF tests' samples: IMDi's 2018 nominee profiles in small, the shipped
// templates over them, the texts a reader must find, and a long table.
#include "sample_data.hpp"

#include "kdx/number_format.hpp"
#include "pdf_test_support.hpp"

namespace kdx::test::pdf {

Dataset sample_dataset() {
    Dataset d;
    d.info.title = "Nominerte til Bosettings- og inkluderingsprisen 2018 (testdata)";
    d.municipalities = {municipality("5004", "Steinkjer", "50", "Trøndelag"),
                        municipality("5041", "Snåase – Snåsa", "50", "Trøndelag"),
                        municipality("3413", "Stange", "34", "Innlandet")};
    d.municipalities[1].other_names = {"Snåase"};
    add_figures(d, "5004",
                {{2012, 40, 35, 31},
                 {2013, 45, 30, 32},
                 {2014, 45, 35, 34},
                 {2016, 110, 110, 118},
                 {2017, 60, 60, 57},
                 {2018, 25, 25, 22}});
    add_figures(d, "5041", {{2012, 5, 5, 6}, {2013, 5, 5, 3}, {2014, 5, Value::missing(), 4}});
    add_figures(d, "3413", {{2016, 60, 60, 64}, {2017, 35, 35, 33}, {2018, 15, 15, 15}});

    const std::vector<int> years{2012, 2013, 2014};
    d.programmes = {
        programme("steinkjer-intro", "5004", ProgrammeKind::introduction_programme,
                  "Introduksjonsprogram med yrkesløp for helsefagarbeidere",
                  {"NAV Steinkjer", "Trøndelag fylkeskommune", "Steinkjer videregående skole"},
                  years),
        programme("steinkjer-mottak", "5004", ProgrammeKind::integration_reception_centre,
                  "Integreringsmottak med fulltidsprogram", {"UDI", "IMDi Midt-Norge"}, years),
        programme("snasa-kafe", "5041", ProgrammeKind::norwegian_training,
                  "Språkkafé – giellakafea maŋŋel skuvlla", {"Saemien Sijte", "Frivilligsentralen"},
                  years)};

    d.outcomes = {outcome("5004", 2013, 58.0, 40), outcome("5004", 2014, 63.5, 42),
                  outcome("0000", 2013, 60.2, 5000), outcome("0000", 2014, 61.0, 5100),
                  outcome("5041", 2014, 50.0, 3)};

    d.nominations = {
        nomination(
            "5004", 2018,
            "Steinkjer har lang erfaring med å bosette flyktninger og er en pådriver for "
            "integreringsarbeidet i regionen. Kommunen deler gjerne det den har lært med "
            "nabokommunene, også med *Snåase – Snåsa* og andre små kommuner.",
            {{"Jevn bosetting gjennom året",
              "Kommunen bosetter i tråd med IMDis anmodninger og fordeler bosettingen over hele "
              "året. Da behovet økte i 2016, styrket kommunen helsetjenesten, skolen, barnehagene "
              "og voksenopplæringen i god tid.\n\nMange av dem som kom, var barnefamilier. Det "
              "krevde ekstra innsats fra både skole og barnehage, og kommunen fikk det til."},
             {"Kvalifisering i samarbeid",
              "Flyktningtjenesten, voksenopplæringen og NAV arbeider tett sammen, både i "
              "introduksjonsprogrammet og etter at programmet er avsluttet. Yrkeskursene har gitt "
              "mange deltakere fagbrev eller fast arbeid – også i Áltá og Guovdageaidnu har man "
              "spurt etter erfaringene."}},
            "2018-12-21"),
        nomination("3413", 2018,
                   "Stange har bygd opp et bredt samarbeid med frivillige lag og næringslivet.",
                   {{"Frivillighet", "Frivillige lag tar imot nye innbyggere fra første dag."}},
                   "2018-12-21")};
    return d;
}

Document shipped_document(const std::string& template_id, const std::string& language) {
    // Steinkjer and Trøndelag in 2014, the nominees of 2018.
    return test::shipped_document(
        template_id, sample_dataset(),
        {"5004", "50", 2014, 2018, "2018-12-21", "nominees-2018.xml", language});
}

std::vector<std::string> expected_texts(const Document& document) {
    std::vector<std::string> texts{document.info.title, document.info.subtitle,
                                   document.info.author};
    for (const Block& block : document.blocks) {
        if (auto h = std::get_if<Heading>(&block)) texts.push_back(h->text);
        if (auto p = std::get_if<Paragraph>(&block)) {
            std::string text;
            for (const TextRun& run : p->runs) text += run.text;
            texts.push_back(text);
        }
        if (auto k = std::get_if<KeyFigures>(&block))
            for (const KeyFigure& f : k->figures) texts.insert(texts.end(), {f.label, f.text});
        if (auto t = std::get_if<Table>(&block)) {
            texts.push_back(t->caption);
            for (const TableColumn& c : t->columns) texts.push_back(c.header);
            for (const auto& row : t->rows)
                for (const TableCell& cell : row) texts.push_back(cell.text);
            texts.insert(texts.end(), t->notes.begin(), t->notes.end());
        }
        if (auto c = std::get_if<Chart>(&block)) {
            texts.push_back(c->title);
            for (const ChartSeries& s : c->series) texts.push_back(s.name);
            texts.insert(texts.end(), c->categories.begin(), c->categories.end());
        }
    }
    texts.insert(texts.end(), document.notes.begin(), document.notes.end());
    return texts;
}

Table long_table(std::size_t rows) {
    Table t;
    t.caption = "Bosetting per kommune 2024";
    t.columns = {{"Kommune", TableColumn::Type::text},
                 {"Kommunenr.", TableColumn::Type::text},
                 {"Anmodning", TableColumn::Type::count},
                 {"Bosatt", TableColumn::Type::count},
                 {"Bosatt i prosent av anmodning", TableColumn::Type::percent}};
    for (std::size_t i = 0; i < rows; ++i) {
        Value requested(static_cast<double>(10 + i)),
            settled(static_cast<double>(i % 7 == 3 ? 2 : 9 + i));
        if (i % 7 == 3) settled = Value::suppressed();
        Value share = settled.has_value() ? Value(100 * settled.get() / requested.get()) : settled;
        t.rows.push_back({{"Kommune nr. " + std::to_string(i + 1) + " i Ås og Ørland", Value()},
                          {std::to_string(1000 + i), Value()},
                          {format_value(requested, Unit::persons, "nb"), requested},
                          {format_value(settled, Unit::persons, "nb"), settled},
                          {format_value(share, Unit::percent, "nb"), share}});
    }
    t.rows.push_back({{"I alt", Value()},
                      {"", Value()},
                      {"12 345", Value(12345)},
                      {":", Value::suppressed()},
                      {":", Value::suppressed()}});
    t.last_row_is_total = true;
    t.notes = {"Tallene er laget for testen."};
    return t;
}

}  // namespace kdx::test::pdf
