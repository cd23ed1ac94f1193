#include "report/labels.hpp"

#include <map>
#include <utility>

namespace kdx::report {

namespace {

struct Words {
    std::string nb, nn, en;
};

const std::map<std::string, Words>& words() {
    static const std::map<std::string, Words> table{
        {"year", {"År", "År", "Year"}},
        {"municipality", {"Kommune", "Kommune", "Municipality"}},
        {"number", {"Kommunenr.", "Kommunenr.", "No."}},
        {"county", {"Fylke", "Fylke", "County"}},
        {"requested", {"Anmodning", "Oppmoding", "Requested"}},
        {"decided", {"Vedtak", "Vedtak", "Decided"}},
        {"settled", {"Bosatt", "Busett", "Settled"}},
        {"unaccompanied-minors",
         {"Enslige mindreårige", "Einslege mindreårige", "Unaccompanied minors"}},
        {"family-reunifications",
         {"Familiegjenforente", "Familiegjenforeinte", "Family reunifications"}},
        {"settled-share-of-requested",
         {"Bosatt i prosent av anmodning", "Busett i prosent av oppmoding",
          "Settled as a share of requested"}},
        {"requested-total", {"Anmodning i alt", "Oppmoding i alt", "Total requested"}},
        {"decided-total", {"Vedtak i alt", "Vedtak i alt", "Total decided"}},
        {"settled-total", {"Bosatt i alt", "Busett i alt", "Total settled"}},
        {"total", {"I alt", "I alt", "Total"}},
        {"persons", {"Personer", "Personar", "People"}},
        {"programme", {"Tiltak", "Tiltak", "Programme"}},
        {"kind", {"Type", "Type", "Type"}},
        {"partners", {"Samarbeidspartnere", "Samarbeidspartnarar", "Partners"}},
        {"years", {"År", "År", "Years"}},
        {"indicator", {"Indikator", "Indikator", "Indicator"}},
        {"value", {"Verdi", "Verdi", "Value"}},
        {"national", {"Hele landet", "Heile landet", "Norway"}},
        {"target", {"Nasjonalt mål", "Nasjonalt mål", "National target"}},
        {"settlement-caption",
         {"Anmodning, vedtak og bosetting per år", "Oppmoding, vedtak og busetjing per år",
          "Requested, decided and settled by year"}},
        {"settlement-chart-caption",
         {"Anmodet, vedtatt og bosatt {first-year}–{year}",
          "Oppmoda, vedteke og busett {first-year}–{year}",
          "Requested, decided and settled, {first-year}–{year}"}},
        {"programmes-caption",
         {"Tiltak og samarbeidspartnere", "Tiltak og samarbeidspartnarar",
          "Programmes and partners"}},
        {"outcomes-caption", {"Resultater", "Resultat", "Outcomes"}},
        {"municipalities-caption",
         {"Bosetting per kommune", "Busetjing per kommune", "Settlement by municipality"}},
        {"no-programmes",
         {"Ingen tiltak er registrert.", "Ingen tiltak er registrerte.",
          "No programmes are recorded."}},
        {"no-outcomes",
         {"Ingen resultater er registrert.", "Ingen resultat er registrerte.",
          "No outcomes are recorded."}},
        // The disclosure note is put together from these parts.
        {"hidden-one",
         {"1 tall under {threshold} er skjult («:»)", "1 tal under {threshold} er skjult («:»)",
          "1 figure below {threshold} is hidden (\":\")"}},
        {"hidden-many",
         {"{n} tall under {threshold} er skjult («:»)",
          "{n} tal under {threshold} er skjulte («:»)",
          "{n} figures below {threshold} are hidden (\":\")"}},
        {"hidden-more-one",
         {", og {more} til slik at det ikke kan regnes ut fra summen",
          ", og {more} til slik at det ikkje kan reknast ut frå summen",
          ", and {more} more so that it cannot be computed from the total"}},
        {"hidden-more-many",
         {", og {more} til slik at de ikke kan regnes ut fra summen",
          ", og {more} til slik at dei ikkje kan reknast ut frå summen",
          ", and {more} more so that they cannot be computed from the total"}},
        {"hidden-end",
         {". Tallene gjelder personer; andeler regnet av skjulte tall er også skjult.",
          ". Tala gjeld personar; andelar rekna av skjulte tal er òg skjulte.",
          ". The figures concern people; shares computed from hidden figures are hidden too."}},
        {"source-suppressed-note",
         {"«:» betyr at tallet ikke er publisert av kilden.",
          "«:» tyder at talet ikkje er publisert av kjelda.",
          "\":\" means the source did not publish the figure."}},
        {"missing-note",
         {"«..» betyr at tallet mangler (for vedtak: ingen vedtak er registrert; det er ikke det "
          "samme som 0).",
          "«..» tyder at talet manglar (for vedtak: ingen vedtak er registrert; det er ikkje det "
          "same som 0).",
          "\"..\" means the figure is missing (for decisions: no decision was registered, which is "
          "not the same as 0)."}},
        {"partial-total-note",
         {"Summene omfatter kommunene som har rapportert.",
          "Summane omfattar kommunane som har rapportert.",
          "Totals include only the municipalities that reported."}},
        {"merged-note",
         {"Tallene før {year} er summen av {names}, som da var egne kommuner.",
          "Tala før {year} er summen av {names}, som då var eigne kommunar.",
          "Figures before {year} are the sums of {names}, then separate municipalities."}},
        {"divided-part-note",
         {"Tallene før {year} omfatter ikke den delen av {names} som kom til {municipality} i "
          "{year}; tallene for {names} kan ikke deles.",
          "Tala før {year} omfattar ikkje den delen av {names} som kom til {municipality} i "
          "{year}; tala for {names} kan ikkje delast.",
          "Figures before {year} do not include the part of {names} that became part of "
          "{municipality} in {year}; the figures of {names} cannot be divided."}},
        // Said in running text instead of ":" or "..", which are table symbols.
        {"count-not-published",
         {"et ikke publisert antall", "eit ikkje publisert tal", "an unpublished number"}},
        {"count-not-available",
         {"et ikke oppgitt antall", "eit ikkje oppgitt tal", "an unreported number"}},
        {"share-not-published",
         {"en ikke publisert andel", "ein ikkje publisert andel", "an unpublished share"}},
        {"share-not-available",
         {"en ikke oppgitt andel", "ein ikkje oppgitt andel", "an unreported share"}},
        {"winner", {"vinner", "vinnar", "winner"}},
        {"nominated", {"nominert", "nominert", "nominated"}},
        {"finalist", {"finalist", "finalist", "finalist"}},
        {"status", {"Status", "Status", "Status"}},
        {"introduction-programme",
         {"Introduksjonsprogram", "Introduksjonsprogram", "Introduction programme"}},
        {"norwegian-training", {"Norskopplæring", "Norskopplæring", "Norwegian training"}},
        {"vocational-course", {"Yrkeskurs", "Yrkeskurs", "Vocational course"}},
        {"integration-reception-centre",
         {"Integreringsmottak", "Integreringsmottak", "Integration reception centre"}},
        {"parent-guidance", {"Foreldreveiledning", "Foreldrerettleiing", "Parent guidance"}},
        {"other", {"Annet", "Anna", "Other"}},
    };
    return table;
}

}  // namespace

const std::string& label(const std::string& key, const std::string& language) {
    auto it = words().find(key);
    if (it == words().end()) return key;
    if (language == "nn") return it->second.nn;
    if (language == "en") return it->second.en;
    return it->second.nb;
}

const std::string& indicator_label(const Indicator& indicator, const std::string& language) {
    const std::string& l = language == "nn"   ? indicator.label_nn
                           : language == "en" ? indicator.label_en
                                              : indicator.label_nb;
    return l.empty() ? (indicator.label_nb.empty() ? indicator.id : indicator.label_nb) : l;
}

}  // namespace kdx::report
