// Points (issue 12: 回馈 · 再奉献), the app's side:
//   我的积分 (balance, every ledger entry with its cause, points about to expire);
//   积分商城 (rewards by district and category, a reward's detail, redeem with a confirmation
//     and an Idempotency-Key made once per tap, kept for a retry after a network failure);
//   我的兑换码 (pickup codes with their QR, status and time left; reloaded while one is reserved);
//   the merchant's 核销 (the code typed on a keypad or scanned with the camera → verify);
//   再奉献 (donate points to a city fund, confirmed; the fund's total on its brand page);
//   积分管理 for admins (add a merchant, add a reward, issuance/redemption by district and month).
// Screens: ui/screen_my_points.cpp, screen_rewards.cpp, screen_reward.cpp,
// screen_my_redemptions.cpp, screen_merchant_verify.cpp, screen_funds.cpp, screen_admin_points.cpp.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/catalogue.h"
#include "core/device.h"
#include "core/message.h"
#include "core/model.h"
#include "core/points_model.h"
#include "core/remote.h"
#include "core/request.h"

namespace zygc {

struct State;

// A redemption in flight, kept after a network failure so tapping 确认兑换 again sends the
// same key and body (the server replays its first answer; nothing is granted twice).
struct RedeemOp {
    Id reward_id = 0;
    int64_t quantity = 1;
    std::string key;
};

struct PointsSlice {
    Remote<MyPoints> my_points;  // 我的积分: the newest entries, then older pages appended
    Remote<bool> points_more;    // its next page (LoadMore on 我的积分)
    // 积分商城: the list (key "district|category") and a reward's detail (key: id)
    Remote<Page<Reward>> rewards;
    Id rewards_district = 0;        // 0: every district
    std::string rewards_category;   // "": every category
    Remote<Reward> reward;
    // Redeeming: the confirmation open for a reward (0: none), its quantity, the request.
    Id redeem_confirm = 0;
    int64_t redeem_quantity = 1;
    RedeemOp redeem_op;
    Remote<Redemption> redeem;      // the code just issued (shown on the reward's screen)
    Remote<Page<Redemption>> my_redemptions;
    int64_t points_clock_ms = 0;    // the last Tick (time left of the codes)
    bool points_ticking = false;    // WantTicks for 我的兑换码
    // 核销 (merchant)
    std::string verify_code;        // as typed on the keypad
    Remote<Redemption> verify;      // the settled redemption, or the problem
    bool verify_scanning = false;
    Message verify_message;         // scan problems ("scan_no_camera", "qr_not_pickup")
    // 再奉献
    Remote<Page<Fund>> funds;
    Id donate_fund = 0;             // the fund whose form is open
    std::string donate_points;      // as typed
    bool donate_confirm = false;    // 确认捐赠 shown
    std::string donate_key;
    std::vector<FieldError> donate_errors;
    Remote<Donation> donate;
    // 积分管理 (admin)
    Remote<PointsStats> points_stats;
    Remote<Page<Merchant>> merchants;  // the reward form's choice of merchant
    MerchantDraft merchant_draft;
    std::vector<FieldError> merchant_errors;
    Remote<Merchant> add_merchant;
    RewardDraft reward_draft;
    std::vector<FieldError> reward_errors;
    Remote<Reward> add_reward;
};

struct FilterRewards { Id district_id = 0; std::string category; };
struct OpenRedeem { Id reward_id = 0; int64_t quantity = 1; };  // reward_id 0: close
struct Redeem {};                                            // 确认兑换 in the open confirmation
struct KeypadPress { std::string key; };                     // "0".."9", "del", "clear"
struct VerifyCode {};
struct ScanPickup {};
struct EditDonation { Id fund_id = 0; std::string points; bool confirm = false; };  // fund 0: close
struct Donate {};
struct EditMerchant { MerchantDraft draft; };
struct SubmitMerchant {};
struct EditReward { RewardDraft draft; };
struct SubmitReward {};

namespace points {
void update(State& s, const FilterRewards& a, Effects& out);
void update(State& s, const OpenRedeem& a, Effects& out);
void update(State& s, const Redeem& a, Effects& out);
void update(State& s, const KeypadPress& a, Effects& out);
void update(State& s, const VerifyCode& a, Effects& out);
void update(State& s, const ScanPickup& a, Effects& out);
void update(State& s, const EditDonation& a, Effects& out);
void update(State& s, const Donate& a, Effects& out);
void update(State& s, const EditMerchant& a, Effects& out);
void update(State& s, const SubmitMerchant& a, Effects& out);
void update(State& s, const EditReward& a, Effects& out);
void update(State& s, const SubmitReward& a, Effects& out);
void update(State& s, const Scanned& a, Effects& out);
void update(State& s, const ScanFailed& a, Effects& out);
void update(State& s, const Tick& a, Effects& out);
void update(State& s, const LoadMore& a, Effects& out);  // 我的积分's older entries
// The camera is the 核销 screen's (its Scanned/ScanFailed come here, not to check-in).
bool owns_scan(const State& s);
// After every route change (navigation.cpp): ticks on for 我的兑换码, off elsewhere.
void route_changed(State& s, Effects& out);

std::optional<HttpRequest> request_my_points(State& s);
std::optional<HttpRequest> request_more_points(State& s);
void receive_more_points(State& s, const Received& a, Effects& out);
std::optional<HttpRequest> request_rewards(State& s);
std::optional<HttpRequest> request_reward(State& s);
std::optional<HttpRequest> request_my_redemptions(State& s);
std::optional<HttpRequest> request_funds(State& s);
std::optional<HttpRequest> request_points_stats(State& s);
std::optional<HttpRequest> request_merchants(State& s);
std::string rewards_key(const State& s);
void receive_redeem(State& s, const Received& a, Effects& out);
void receive_verify(State& s, const Received& a, Effects& out);
void receive_donate(State& s, const Received& a, Effects& out);
void receive_my_redemptions(State& s, const Received& a, Effects& out);
void receive_add_merchant(State& s, const Received& a, Effects& out);
void receive_add_reward(State& s, const Received& a, Effects& out);
}  // namespace points

// The pickup code in a scanned QR payload ("zygc:pickup:12345678", a link ending in
// ?code=…, or the bare digits); nullopt when it is not a pickup code.
std::optional<std::string> parse_pickup_qr(const std::string& text);
// Field errors of a donation before it is sent: 1..balance (points_range {max}).
std::vector<FieldError> validate_donation(const std::string& points, int64_t balance);
// Field errors of the admin's forms: name, district, phone; reward numbers in range.
std::vector<FieldError> validate_merchant(const MerchantDraft& d);
std::vector<FieldError> validate_reward(const RewardDraft& d);
// Why a reward cannot be redeemed now ("" code: it can): out_of_stock, insufficient_points
// {needed, balance}. Uses my_points when loaded.
Message redeem_blocker(const State& s, const Reward& r, int64_t quantity);
// Seconds from now_ms until a code expires (0 when expired or unknown).
int64_t seconds_left(const Redemption& r, int64_t now_ms);
// The fund a brand page shows (nullptr when none is linked to the slug).
const Fund* fund_of_brand(const State& s, const std::string& slug);

}  // namespace zygc
