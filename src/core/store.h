// The store: one State, Actions that describe what happened, and a pure update that
// changes the State and returns Effects (requests to send, URL to set). The runtime
// (runtime.h) performs effects and feeds answers back as Received actions. Views only
// read State and dispatch Actions.
//
// One module per feature owns its slice of State, its actions, its update and its
// requests: navigation, catalogue, account, signups, teams, publishing, settings,
// certification, attendance, points.
// update() only routes an action to its module (store.cpp).
#pragma once
#include <cstdint>
#include <variant>
#include <vector>

#include "core/account.h"
#include "core/api.h"
#include "core/attendance.h"
#include "core/catalogue.h"
#include "core/certification.h"
#include "core/dashboard.h"
#include "core/eldercare.h"
#include "core/help.h"
#include "core/images.h"
#include "core/model.h"
#include "core/navigation.h"
#include "core/points.h"
#include "core/publishing.h"
#include "core/remote.h"
#include "core/request.h"
#include "core/route.h"
#include "core/screen_table.h"
#include "core/settings.h"
#include "core/signups.h"
#include "core/teams.h"

namespace zygc {

// The sum of the feature slices. Fields are reached flat (state.projects, state.me), so
// a view does not need to know which module owns them.
struct State : NavigationSlice, CatalogueSlice, AccountSlice, SignupsSlice, TeamsSlice, PublishingSlice,
               SettingsSlice, CertificationSlice, AttendanceSlice, PointsSlice,
               EldercareSlice, HelpSlice, DashboardSlice /* eldercare (issue 13) */,
               ImagesSlice /* images (issue 10) */ {
    uint64_t key_seed = 0;  // for Idempotency-Keys; set by the platform at start
    uint64_t key_counter = 0;
    uint64_t next_request = 1;
    // first-visit: the last API answer came from the service worker's cache (offline notice)
    bool offline = false;
};

using Action = std::variant<
    // navigation
    Navigate, Back, Refresh, Retry, DismissNotice, Received,
    // catalogue
    SetSearch, SetFilter, LoadMore, ShowEnded,
    // account
    EditLogin, RequestSmsCode, SubmitLogin, WechatCode, Logout, EditRegistration, SubmitRegistration,
    // signups, teams, publishing, settings
    SignUp, CancelSignup, JoinTeam, EditDraft, SubmitDraft, CloseProject, LocateSite, SetSettings,
    LanguageUnavailable,
    // certification (Tick: device.h)
    ApproveRecord, OpenDecision, EditDecision, SubmitDecision, CloseDecision, CertifyShift, FilterHours,
    ToggleHistory, ManualCheck, SaveCertificate,
    // attendance (and the device answers it reads, core/device.h)
    StartCheckIn, EnterCode, SubmitCode, UseLocation, ScanQr, CheckOut, EditCorrection, RequestCorrection,
    Scanned, ScanFailed, Located, LocateFailed, Tick, LoadedDurable, Online,
    // points
    FilterRewards, OpenRedeem, Redeem, KeypadPress, VerifyCode, ScanPickup, EditDonation, Donate, EditMerchant,
    SubmitMerchant, EditReward, SubmitReward,
    // eldercare (issue 13): 老帮老, 有困难找志愿者
    PickCareDistrict, EditElderNeed, SubmitElderNeed, EditElderHelper, SubmitElderHelper, ConfirmPair, LogVisit,
    EditHelp, SubmitHelp, ChangeHelp, PickHelpDistrict,
    // leave team (issue 10)
    LeaveTeam,
    // images (issue 10)
    WantImage, ImageLoaded, ImageFailed>;

// Pure: no I/O, no clock, no globals. Same state + action → same result.
std::vector<Effect> update(State& state, const Action& action);

// Starting the app: what to load first for a given route. `key_seed` (random, from the
// platform) makes Idempotency-Keys unique per device.
std::vector<Effect> start(State& state, const Route& route, uint64_t key_seed = 0, Settings settings = {});

}  // namespace zygc
