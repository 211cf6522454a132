// Every string the UI shows by itself (not data from the API), in one table.
// tr(S::X) returns the entry for the current language (state.settings.lang, set by draw()).
// Entries ending in "Fmt" are printf formats.
#pragma once
#include <string>
#include <string_view>

#include "core/decode.h"
#include "core/message.h"

namespace zygc::ui {

enum class S : int {
    // Shell
    AppTitle, TabHome, TabProjects, Back, TitleProjects, TitleProject, TitleBrand, TitleNotFound,
    // Home
    SectionCity, StatVolunteers, StatShare, StatTeams, StatProjects, StatHours,
    SectionBrands, SectionUpcoming, SeeAllProjects, NoUpcoming,
    // Projects
    SearchLabel, SearchHint, ClearSearch, AllDistricts, AllCategories, AllBrands,
    IncludeEnded, NoOpenProjects, NoOpenProjectsHint, ShowEndedProjects,
    TotalProjectsFmt, LoadMore, Empty,
    // Project detail
    FieldTeam, FieldDistrict, FieldSite, FieldCategory, SectionAbout, SectionShifts,
    PlacesLeftFmt, Full, UnderWay, ProjectOver, NoShifts, PastShifts, OlderShiftsFmt,
    // Brand
    FieldOwner, SectionStory, SectionHighlights, SectionAwards, SectionBrandStats,
    SectionBrandProjects, MoreBrandProjects, NoProjects,
    // States
    Loading, Updating, Retry,
    ErrNetwork, ErrNetworkHint, ErrNotFound, ErrServer, ErrBadPayload, ErrUnauthorized,
    ErrForbidden, ErrTooMany, ErrHttpFmt,
    NotFound, GoHome, RoleOnlyHint, BackToMe,
    // Shell, settings, care-mode home
    TabMe, TitleLogin, TitleMe, TitleRegister, TitleMySignups, TitleTeams, TitleTeam, TitleNewProject,
    TitleEditProject, CareMode, SwitchLang, QuickFind, QuickMySignups, QuickTeams, QuickMe,
    PullToRefresh, ReleaseToRefresh,
    // Login
    PhoneLabel, PhoneHint, GetCode, ResendFmt, Sending, DevCodeFmt, CodeLabel, CodeHint, LoginButton, LoginNote,
    // Me
    FieldPhone, FieldRoles, RoleResident, RoleVolunteer, RoleOrganizer, RoleSocialWorker, RoleAdmin,
    SectionProfile, FieldRealName, FieldIdNumber, FieldSkills, FieldAvailability, LinkRegister, LinkMySignups,
    LinkTeams, LinkPublish, SectionMyTeams, MemberLeader, MemberMember, Logout,
    // Register
    RealNameLabel, RealNameHint, IdLabel, IdHint, DistrictLabel, ChooseDistrict, SkillsLabel,
    SkillElderly, SkillChildren, SkillFirstAid, SkillArts, SkillLanguages, SkillPhoto,
    AvailabilityLabel, AvailWeekdayDay, AvailWeekdayEvening, AvailWeekend,
    ConsentLabel, ConsentText, SubmitRegister, Submitting,
    // Sign-ups
    NoSignups, PastSignups, FindProjects, CancelSignup, ConfirmCancel, ConfirmYes, ConfirmNo,
    // Teams
    FieldLeader, MembersFmt, TeamProjectsFmt, JoinTeam, AlreadyMember, RegisterToJoin, NoTeams, FieldOrg,
    FieldFounded, SectionTeamProjects,
    // Project detail: actions
    SignUp, RegisterToSignUp, EditProject, CloseProject, ProjectClosed, SignedUp,
    // Publish
    FieldPublishTeam, TitleLabel, SummaryLabel, DescriptionLabel, CategoryLabel, ChooseCategory, BrandLabel,
    NoBrand, SiteNameLabel, LatLabel, LngLabel, RadiusLabel, ShiftFmt, StartLabel, EndLabel,
    CapacityLabel, AddShift, RemoveShift, PublishButton, SaveChanges, Stale, Reload, OrganizersOnly,
    // Certification: titles, console, queue, certificate, verification
    TitleShiftConsole, TitleHours, TitleCertificate, TitleVerify,
    CheckinCodeLabel, CheckinQrLabel, ConsoleHint, CodeChangesFmt, CodeChanging, RosterExpected, RosterIn,
    RosterOut, ManualCheckIn, ManualCheckOut, RosterEmpty,
    AllShifts, StatusPending, StatusDisputed, StatusCertified, StatusRejected, StatusOpen, BulkCertifyFmt,
    Approve, Reject, Adjust, Correct, Resolve, MinutesFmt, FieldCheckIn, FieldCheckOut, NotCheckedOut,
    CertifyByFmt, Overdue, FlagOverlap, FlagFarFmt, FlagFar, FlagOver12h, FlagOffline, FlagManual,
    FlagAutoClosed, HistoryShow, HistoryHide, ActCheckIn, ActCheckOut, ActAutoClose, ActCertify, ActReject,
    ActAdjust, ActDispute, ActResolve, ActCorrect, DisputeFmt, ResolutionFmt, ReasonFmt, QueueEmpty,
    MinutesLabel, MaxMinutesFmt, ReasonLabel, ReasonHint, ResolveKeep, DialogConfirm, DialogCancel,
    CorrectsFmt, CorrectedBy, RecordsFmt, RecordsShownFmt, BulkCertifyShift,
    CertIntroFmt, CertProjectDatesFmt, CertTimesFmt, CertTotal, HoursMinutesFmt, CertIssuedOn, CertSerial,
    CertQrLabel, SaveImage, NoCertificate, CertIssuer,
    Genuine, GenuineNote, NotGenuine, VerifyNotFound, VerifySerialFmt,
    // first-visit
    OfflineCached,
    // zoom: the 文字大小 control
    TextSize, ZoomOut, ZoomIn,
    // attendance
    TitleMyHours, TitleCheckin, LinkMyHours, CheckinButton, ScanCheckin, CodeCheckin, LocationCheckin,
    CheckoutButton, CheckinCodeHint, SubmitCheckinCode, Locating, Scanning, PendingSync,
    PendingCheckIn, PendingCheckOut, CertifiedTotal, PendingTotal, SectionByMonth, SectionRecords, NoHours,
    FlagFarFromSite,
    RequestCorrection,
    CorrectionReasonLabel, CorrectionReasonHint, SendCorrection, CloseForm, FieldOrganizerReason,
    SectionDispute, DisputeResolution, DisputeWaiting, LegendCertified, LegendPending,
    FieldShift, SectionHistory, HistAdjust, HistCorrect, CheckinWays, ChartFmt,
    DistanceUnknown,
    // points
    TitleMyPoints, TitleRewards, TitleReward, TitleMyRedemptions, TitleMerchantVerify, TitleFunds,
    TitleAdminPoints, LinkMerchantVerify, RoleMerchant, PointsBalance, PointsReserved, PointsRuleFmt,
    PointsExpiryFmt, SectionExpiring, ExpiringFmt, SectionPointsEntries, NoPointsEntries, SectionHolds,
    HoldFmt, CauseEarn, CauseReversal, CauseRedeem, CauseSettle, CauseRefund, CauseDonate, CauseExpire,
    CauseHoldApplied, PointsUnit, RuleVersionFmt, CatTransit, CatMuseum, CatPark, CatShop, CatService,
    RewardPriceFmt, StockFmt, SoldOut, NoRewards, LimitFmt, MyRedeemedFmt, FieldMerchant, MyBalanceFmt,
    RedeemButton, ConfirmRedeemFmt, ConfirmRedeem, QuantityFmt, Less, More, PickupCodeLabel, PickupHintFmt,
    StatusReserved, StatusSettled, StatusExpired, TimeLeftFmt, ExpiredRefunded, ExpiringNow, SettledAtFmt,
    NoRedemptions, QuantityPointsFmt, BrowseRewards, EnterPickupCode, PickupCodeTyped, KeyDelete, KeyClear,
    VerifyButton, ScanPickup, VerifiedTitle, FieldRedeemer, MerchantOnly, FundTotalFmt, FundDonorsFmt,
    DonateButton, DonatePointsLabel, DonateHint, DonateNext, ConfirmDonateFmt, ConfirmDonate, NoFunds,
    SectionFund, AdminOnly, StatIssued, StatRedeemed, StatDonated, StatOutstanding, SectionPointsByMonth,
    SectionPointsByDistrict, LegendRedeemed, LegendNotRedeemed, PointsChartFmt, IssuedFmt, RedeemedFmt,
    SectionAddMerchant, MerchantNameLabel, AddressLabel, MerchantKindPublic, OwnerUserLabel,
    AddMerchantButton, SectionAddReward, ChooseMerchant, RewardNameLabel, PointsPriceLabel, StockLabel,
    LimitLabel, RewardDescLabel, AddRewardButton,
    // eldercare (issue 13): 老帮老, 有困难找志愿者, 数据, awards
    TitleEldercare, TitleElderNeed, TitleElderHelper, TitleElderMatches, TitleElderPairs, TitleHelp,
    TitleDashboard, LinkEldercare, SocialWorkerOnly, LinkHelp, LinkDashboard, SectionNeedsFmt, SectionHelpersFmt, NoNeeds,
    NoHelpers, RegisterNeed, RegisterHelper, LinkMatches, LinkPairs, ElderStatusOpen, ElderStatusPaired,
    FieldCommunity, FieldNeeds, FieldAbilities, FieldTimes, FieldMobility, FieldGuardian, FieldWalk,
    FieldLoad, MetresFmt, ElderNameLabel, ElderNameHint, CommunityLabel, CommunityHint, NeedsLabel,
    AbilitiesLabel, TimesLabel, MobilityLabel, GuardianNameLabel, GuardianPhoneLabel, HelperPhoneLabel,
    WalkLabel, ElderConsentLabel, ElderConsentText, SaveElder, SkillMeals, SkillEscort, SkillShopping,
    SkillCompany, SkillSafetyVisit, MobIndependent, MobCane, MobWheelchair, MobBedbound, DayMon, DayTue,
    DayWed, DayThu, DayFri, DaySat, DaySun, Morning, Afternoon, ScoreFmt, ConfirmPair, NoMatches,
    UnmatchedFmt, MatchesNote, NoPairs, RhythmFmt, LastVisitFmt, NeverVisited, NextDueFmt, VisitOverdue,
    VisitsFmt, LogVisit, CertifyVisits, SectionAskHelp, HelpTitleLabel, HelpTitleHint, HelpDescLabel,
    HelpDescHint, SendHelp, SectionMyHelp, NoMyHelp, SectionDistrictHelp, NoDistrictHelp, HelpOpen,
    HelpTaken, HelpClosed, HelpConverted, TakeHelp, CloseHelp, ConvertHelp, TakenByFmt, OpenProject,
    StatPairs, StatVisits, SampleNote, SectionByDistrict, SectionCityByMonth, DistrictChartFmt,
    MonthChartFmt, DistrictVolunteersFmt, DistrictTeamsFmt, DistrictProjectsFmt, DistrictPairsFmt, DistrictVisitsFmt, NoFigures, SectionHonours, HomeSampleNote, GuardianRelationLabel, HomeLocationNote, HelperCapacityLabel,
    // issue 10, Q2 (forms, images, the sign-up flow)
    SignupNoticeTitle, SignupNoticeBody, ConfirmSignup, LeaveTeam, ConfirmLeaveTeam, ConfirmLeave,
    ProjectNotFound, ProjectNotFoundHint, BrowseProjects, NoResultsForFmt, NoResultsFiltered, NoResultsHint,
    ClearSearchAndFilters,
    // images (issue 10): a picture's alt text, a modal sheet's name for screen readers
    CoverAltFmt, SheetLabel,
    // forms (issue 10): date/time and location pickers, pictures of empty and error states
    PickDateTime, PickerDay, PickerHour, PickerMinute, Today, Tomorrow, HourFmt, MinuteFmt, PickerDone,
    PickerCancel, FieldValueFmt, SectionSiteLocation, UseMyLocation, PickOnMap, MapLabel, MapHint,
    NoLocationYet, OutsideDistricts, ShowCoordinates, HideCoordinates, PicSearch, PicMissing, PicOffline,
    PicEmpty, RetryAll,
    COUNT
};

enum class Lang { Zh, En };

const char* tr(S s);

// Core's messages (notices, field errors, "why not" reasons, server problems) are codes
// with arguments; say() words them in the current language from the message table. A code
// the table does not know: the server's Chinese `detail` in Chinese, a generic sentence in
// English.
std::string say(const Message& m);
// say(m), or "" for an empty message (no error to show).
inline std::string say_if(const Message& m) { return m.empty() ? std::string() : say(m); }
// A category's label in the current language.
const char* category_label(const Category& c);

void set_lang(Lang lang);  // en falls back to zh where an entry is missing
Lang lang();

// The English words. Built in natively; the web app's wasm leaves them out (ZYGC_ENGLISH_APART)
// and the platform hands them over from zygc-en.json when a resident picks English. Until
// then English is not ready, and draw() shows Chinese.
bool english_ready();
// The text of zygc-en.json; false (and nothing changes) if it is not this build's.
bool set_english(std::string_view json);
// zygc-en.json: a JSON array of every English word, as a build with them in has them.
std::string english_json();

// Iteration for static_text(): the zh and en text of entry i (en may be "").
const char* tr_zh(int i);
const char* tr_en(int i);
// Every message of the message table, both languages (for static_text()).
std::string message_text();
// The codes the message table words (for tests: every server problem code is known).
bool knows_message(const std::string& code);

}  // namespace zygc::ui
