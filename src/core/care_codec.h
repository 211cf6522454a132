// JSON codecs for issue 13's payloads (care_model.h), in codec.h's exception-free style: a
// malformed or wrongly typed payload becomes a DecodeError naming the field
// ("items[2].reasons[0].code"); unknown fields are ignored.
#pragma once
#include "core/care_model.h"
#include "core/codec.h"

namespace zygc {

// decode<T> / decode_json<T> (declared in codec.h) are provided for: ElderNeed, Page<ElderNeed>,
// ElderHelper, Page<ElderHelper>, MatchList, ElderPair, Page<ElderPair>, ElderVisit,
// HelpRequest, Page<HelpRequest>, CityDashboard, std::vector<Award>.

nlohmann::json encode(const MatchReason&);
nlohmann::json encode(const ElderNeed&);
nlohmann::json encode(const ElderHelper&);
nlohmann::json encode(const MatchSuggestion&);
nlohmann::json encode(const MatchList&);
nlohmann::json encode(const ElderPair&);
nlohmann::json encode(const ElderVisit&);
nlohmann::json encode(const HelpRequest&);
nlohmann::json encode(const DashDistrict&);
nlohmann::json encode(const DashMonth&);
nlohmann::json encode(const CityDashboard&);
nlohmann::json encode(const Award&);

}  // namespace zygc
