// Points (issue 12, 回馈 · 再奉献): the shapes of docs/api/openapi.yaml's points operations as
// plain structs. Points are integers, times RFC 3339 (+08:00). Codecs: points_codec.h.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model.h"

namespace zygc {

// What caused a posting: {kind: attendance | redemption | donation | lot | hold, id}.
struct LedgerRef {
    std::string kind;
    Id id = 0;
};

// One ledger posting seen from the volunteer's account: `points` +N received, −N given.
struct PointsEntry {
    Id id = 0;
    std::string at;
    int64_t points = 0;
    std::string account;          // "volunteer:12"
    std::string counter_account;  // "issuance:1" | "escrow:1" | "merchant:3" | "fund:2" | "expiry:1"
    std::string counter_name;     // 城市积分发行, the merchant's or the fund's name ("" when not sent)
    std::string reason;           // earn reversal redeem settle refund donate expire hold_applied
    std::string detail;           // Chinese: the project, reward, fund, or the correction's reason
    LedgerRef ref;
    std::optional<int64_t> rule_version;
};

struct PointsExpiring {
    int64_t points = 0;
    std::string on;  // YYYY-MM-DD, the last day they can be used
};

// A correction held for review because it would take the balance below 0.
struct PointsHold {
    Id id = 0;
    Id attendance_id = 0;
    int64_t points = 0;
    std::string reason;
    std::string status;  // held | applied | waived
    std::string created_at;
};

struct PointsRule {
    int64_t version = 0;
    int64_t minutes_per_point = 30;
    int64_t expiry_months = 0;
    int64_t code_life_minutes = 0;
};

struct MyPoints {
    int64_t balance = 0;
    int64_t reserved = 0;  // held by my unsettled pickup codes
    int64_t earned_total = 0;
    std::vector<PointsExpiring> expiring;
    std::vector<PointsEntry> entries;         // a page, newest first
    std::optional<std::string> next_cursor;   // the older entries' page
    int64_t entry_count = 0;                  // all of them
    std::vector<PointsHold> holds;
    PointsRule rule;
};

struct NamedRef {
    Id id = 0;
    std::string name;
};

// Categories of rewards: transit museum park shop service (strings.cpp words them).
struct Reward {
    Id id = 0;
    std::string name;
    std::string description;
    std::string category;
    NamedRef merchant;
    Id district_id = 0;
    int64_t points = 0;  // price of one
    int64_t stock = 0;
    int64_t per_person_limit = 1;
    std::optional<int64_t> my_redeemed;  // detail, logged in
};

struct Redemption {
    Id id = 0;
    NamedRef reward;
    NamedRef merchant;
    int64_t quantity = 1;
    int64_t points = 0;  // of the whole redemption
    std::string code;    // 8 digits
    std::string qr_payload;
    std::string expires_at;
    std::string status;  // reserved | settled | expired
    std::string created_at;
    std::optional<std::string> settled_at;
    std::optional<std::string> expired_at;
    std::string volunteer_name;  // merchant views only
};

struct Fund {
    Id id = 0;
    std::string name;
    std::string description;
    std::string brand_slug;  // "" when not linked to a brand
    int64_t total_points = 0;
    int64_t donation_count = 0;
    int64_t donor_count = 0;
};

struct Donation {
    Id id = 0;
    Fund fund;
    int64_t points = 0;
    std::string at;
    int64_t balance = 0;  // mine, after it
};

struct Merchant {
    Id id = 0;
    std::string name;
    Id district_id = 0;
    std::string address;
    std::string kind;  // shop | public
    std::optional<Id> owner_user_id;
    int64_t reward_count = 0;
};

// Totals of /stats/points: per district, per month, per district and month.
struct PointsTotals {
    Id district_id = 0;   // by_district, by_district_month
    std::string name;     // by_district
    std::string month;    // by_month, by_district_month (YYYY-MM)
    int64_t issued = 0;
    int64_t redeemed = 0;
    int64_t donated = 0;
    int64_t expired = 0;
};

struct PointsStats {
    int64_t issued = 0;
    int64_t reversed = 0;
    int64_t redeemed = 0;
    int64_t reserved = 0;
    int64_t donated = 0;
    int64_t expired = 0;
    int64_t outstanding = 0;
    std::vector<PointsTotals> by_district;
    std::vector<PointsTotals> by_month;
    std::vector<PointsTotals> by_district_month;
};

// Bodies the app sends (encoded by points_codec).
struct RedeemRequest { Id reward_id = 0; int64_t quantity = 1; };
struct VerifyRequest { std::string code; };
struct DonationRequest { Id fund_id = 0; int64_t points = 0; };
struct MerchantDraft {
    std::string name;
    Id district_id = 0;
    std::string address;
    std::string kind = "shop";   // shop | public
    std::string owner_user_id;   // as typed; "" = none (that user becomes its clerk)
};
struct RewardDraft {
    Id merchant_id = 0;
    std::string name;
    std::string category;
    std::string points;  // as typed
    std::string stock;
    std::string per_person_limit;
    std::string description;
};

}  // namespace zygc
