// JSON codecs for points (points_model.h, issue 12), in the same exception-free style as
// codec.h: decode() never throws; a malformed or wrongly typed payload becomes a DecodeError
// with the field path ("entries[3].ref.kind").
#pragma once
#include "codec.h"
#include "points_model.h"

namespace zygc {

// decode<T> / decode_json<T> (declared in codec.h) are also provided for:
// MyPoints, Reward, Page<Reward>, Redemption, Page<Redemption>, Page<Fund>, Donation,
// Merchant, Page<Merchant>, PointsStats.

// Responses (the tests' fixtures and round trips)
nlohmann::json encode(const LedgerRef&);
nlohmann::json encode(const PointsEntry&);
nlohmann::json encode(const PointsExpiring&);
nlohmann::json encode(const PointsHold&);
nlohmann::json encode(const PointsRule&);
nlohmann::json encode(const MyPoints&);
nlohmann::json encode(const NamedRef&);
nlohmann::json encode(const Reward&);
nlohmann::json encode(const Redemption&);
nlohmann::json encode(const Fund&);
nlohmann::json encode(const Donation&);
nlohmann::json encode(const Merchant&);
nlohmann::json encode(const PointsTotals&);
nlohmann::json encode(const PointsStats&);
// Request bodies (the drafts' numbers as typed are sent as integers; an unparsable one as 0,
// which core's validation has ruled out before sending)
nlohmann::json encode(const RedeemRequest&);
nlohmann::json encode(const VerifyRequest&);
nlohmann::json encode(const DonationRequest&);
nlohmann::json encode(const MerchantDraft&);
nlohmann::json encode(const RewardDraft&);

}  // namespace zygc
