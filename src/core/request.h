// What a request is for (Target), how its answer comes back (Received), and the effects
// the store's update returns for the runtime to perform.
#pragma once
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "core/device.h"
#include "core/http.h"
#include "core/model.h"

namespace zygc {

// What a request is for; answers are routed back by it (store.cpp's target table says,
// once, which Remote each one fills and which module reads the answer).
enum class Target {
    Stats, Districts, Brands, HomeProjects, Projects, MoreProjects, Project, Brand,
    // accounts, sign-ups, teams, publishing
    Me, SmsCode, Login, Logout, Register, MySignups, Signup, CancelSignup, Teams, Team, Join, Publish,
    Close,
    // certification
    CheckinCode, Roster, ManualCheck, HoursQueue, MoreRecords, Decide, CertifyAll, Certificate, Verify,
    // attendance
    MyHours, MoreHours, Outbox, Dispute, CheckinProject,
    // points
    MyPoints, MorePoints, Rewards, Reward, MyRedemptions, Redeem, VerifyPickup, Funds, Donate, PointsStats, Merchants,
    AddMerchant, AddReward,
    // eldercare (issue 13)
    ElderNeeds, ElderHelpers, ElderMatches, ElderPairs, ElderNeedSave, ElderHelperSave, ElderPairSave,
    ElderVisitSave, MyHelp, DistrictHelp, HelpSave, HelpChange, Dashboard, Awards,
    // leave team (issue 10)
    LeaveTeam,
    // my sign-ups' next page (signups.h)
    MoreSignups,
    Count
};

// The answer to a request (an Action the runtime dispatches).
struct Received { Target target; uint64_t request = 0; HttpResponse response; };

// Preferences the platform keeps across visits (localStorage on the web).
struct Settings {
    bool care_mode = false;   // 关怀版: larger text and targets, simpler home
    std::string lang = "zh";  // "zh" | "en"
    // zoom: the user's own text zoom, 1.0–2.0 (a pinch, the 文字大小 control), on top of
    // 关怀版; 0 until the user sets one: then the host's text size (browser, WeChat) is followed.
    float zoom = 0;
    bool operator==(const Settings&) const = default;
};

// ---- Effects ----
struct SendRequest { Target target; uint64_t request = 0; HttpRequest http; };
struct SetUrlHash {
    std::string hash;
    bool replace = false;  // search typing: rewrite the current history entry (no new one per keystroke)
};
struct GoBack { std::string fallback_hash; };  // history.back() within the app, else go to fallback
struct SaveSettings { Settings settings; };

// Device effects (core/device.h) go to the platform's Runtime::Host::device.
using Effect = std::variant<SendRequest, SetUrlHash, GoBack, SaveSettings, StartScan, StopScan, Locate,
                            StoreDurable, SaveImage, WantTicks,
                            // images (issue 10)
                            LoadImage, FreeImage>;
using Effects = std::vector<Effect>;

}  // namespace zygc
