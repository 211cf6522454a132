#include "ui/strings.h"

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "core/json_reader.h"

#include "ui/context_internal.h"

namespace zygc::ui {
namespace {

// The English words. The web app is built with ZYGC_ENGLISH_APART: its tables keep only the
// Chinese and the English arrive as zygc-en.json when a resident picks English (~4.7 KB
// brotli off every first visit's wasm). That file is english_json() of a build with the words
// in (src/platform/web/english_dump.cpp). Apart, an EnText drops its literal at compile time.
#ifdef ZYGC_ENGLISH_APART
struct EnText {
    constexpr EnText(const char*) {}
};
#else
using EnText = const char*;
#endif

struct Entry {
    S id;
    const char* zh;
    EnText en;
};

// Keep in enum order (checked by entry_ok below and by tests/ui/strings_test.cpp). A feature's
// words sit in ui/strings_FEATURE.inc (its messages in ui/messages_FEATURE.inc), included here.
constexpr Entry kTable[] = {
    {S::AppTitle, "志愿港城", "Volunteer Harbour City"},
    {S::TabHome, "首页", "Home"},
    {S::TabProjects, "项目", "Projects"},
    {S::Back, "返回", "Back"},
    {S::TitleProjects, "志愿项目", "Projects"},
    {S::TitleProject, "项目详情", "Project"},
    {S::TitleBrand, "品牌项目", "Brand"},
    {S::TitleNotFound, "页面不存在", "Not found"},

    {S::SectionCity, "城市志愿服务数据", "Volunteering in the city"},
    {S::StatVolunteers, "注册志愿者", "Registered volunteers"},
    {S::StatShare, "占常住人口", "Share of residents"},
    {S::StatTeams, "志愿服务队伍", "Volunteer teams"},
    {S::StatProjects, "志愿项目", "Projects"},
    {S::StatHours, "服务时长", "Hours of service"},
    {S::SectionBrands, "志愿服务品牌", "Brands"},
    {S::SectionUpcoming, "近期项目", "Upcoming projects"},
    {S::SeeAllProjects, "查看全部项目", "All projects"},
    {S::NoUpcoming, "近期暂无项目", "No upcoming projects"},

    {S::SearchLabel, "搜索项目", "Search projects"},
    {S::SearchHint, "搜索项目，如：小候鸟", "Search, e.g. beach clean-up"},
    {S::ClearSearch, "清除搜索", "Clear search"},
    {S::AllDistricts, "全部区县", "All districts"},
    {S::AllCategories, "全部类别", "All categories"},
    {S::AllBrands, "全部品牌", "All brands"},
    {S::IncludeEnded, "含已结束", "Include ended"},
    {S::NoOpenProjects, "暂无可报名的项目", "No projects open to join"},
    {S::NoOpenProjectsHint, "已结束的项目仍可查看", "Projects that have ended can still be seen"},
    {S::ShowEndedProjects, "查看已结束的项目", "Show ended projects"},
    {S::TotalProjectsFmt, "共 %lld 个项目", "%lld projects"},
    {S::LoadMore, "加载更多", "Load more"},
    {S::Empty, "没有找到符合条件的项目", "No projects match"},

    {S::FieldTeam, "组织队伍", "Team"},
    {S::FieldDistrict, "所在区县", "District"},
    {S::FieldSite, "服务地点", "Site"},
    {S::FieldCategory, "项目类别", "Category"},
    {S::SectionAbout, "项目介绍", "About"},
    {S::SectionShifts, "服务时段", "Shifts"},
    {S::PlacesLeftFmt, "剩余 %lld 个名额", "%lld places left"},
    {S::Full, "已满", "Full"},
    {S::UnderWay, "进行中", "Under way"},
    {S::ProjectOver, "已结束", "Ended"},
    {S::NoShifts, "暂无服务时段", "No shifts yet"},
    {S::PastShifts, "已结束的时段", "Past shifts"},
    {S::OlderShiftsFmt, "共 %lld 个时段，更早的 %lld 个未列出", "%lld shifts in all; %lld earlier ones not listed"},

    {S::FieldOwner, "主办单位", "Run by"},
    {S::SectionStory, "品牌故事", "Story"},
    {S::SectionHighlights, "品牌亮点", "Highlights"},
    {S::SectionAwards, "所获荣誉", "Awards"},
    {S::SectionBrandStats, "品牌数据", "Figures"},
    {S::SectionBrandProjects, "相关项目", "Projects"},
    {S::MoreBrandProjects, "查看该品牌更多项目", "More of this brand's projects"},
    {S::NoProjects, "暂无项目", "No projects yet"},

    {S::Loading, "加载中", "Loading"},
    {S::Updating, "正在更新…", "Updating…"},
    {S::Retry, "重试", "Retry"},
    {S::ErrNetwork, "网络连接失败", "Network error"},
    {S::ErrNetworkHint, "请检查网络后重试", "Check your connection and retry"},
    {S::ErrNotFound, "内容不存在或已下线", "Not found or withdrawn"},
    {S::ErrServer, "服务器开小差了", "The server had a problem"},
    {S::ErrBadPayload, "数据格式有误", "Unexpected data"},
    {S::ErrUnauthorized, "请先登录", "Please log in"},
    {S::ErrForbidden, "没有权限访问", "Not allowed"},
    {S::ErrTooMany, "操作太频繁，请稍后再试", "Too many requests, try again later"},
    {S::ErrHttpFmt, "请求失败（%d）", "Request failed (%d)"},
    {S::NotFound, "页面不存在", "Page not found"},
    {S::GoHome, "返回首页", "Go to home"},
    {S::RoleOnlyHint, "如需开通，请联系所在区县的志愿服务管理部门", "To have it opened, contact your district's volunteer service office"},
    {S::BackToMe, "返回个人中心", "Back to my account"},

    {S::TabMe, "我的", "Me"},
    {S::TitleLogin, "登录", "Log in"},
    {S::TitleMe, "个人中心", "My account"},
    {S::TitleRegister, "实名注册", "Volunteer registration"},
    {S::TitleMySignups, "我的报名", "My sign-ups"},
    {S::TitleTeams, "志愿队伍", "Teams"},
    {S::TitleTeam, "队伍详情", "Team"},
    {S::TitleNewProject, "发布项目", "New project"},
    {S::TitleEditProject, "编辑项目", "Edit project"},
    {S::CareMode, "关怀版", "Large text"},
    {S::SwitchLang, "English", "中文"},
    {S::QuickFind, "找项目", "Find projects"},
    {S::QuickMySignups, "我的报名", "My sign-ups"},
    {S::QuickTeams, "志愿队伍", "Teams"},
    {S::QuickMe, "个人中心", "My account"},
    {S::PullToRefresh, "下拉刷新", "Pull to refresh"},
    {S::ReleaseToRefresh, "松开刷新", "Release to refresh"},

    {S::PhoneLabel, "手机号", "Mobile number"},
    {S::PhoneHint, "请输入11位手机号", "11-digit mobile number"},
    {S::GetCode, "获取验证码", "Get code"},
    {S::ResendFmt, "%d秒后重新获取", "Resend in %ds"},
    {S::Sending, "发送中…", "Sending…"},
    {S::DevCodeFmt, "开发模式验证码：%s", "Dev code: %s"},
    {S::CodeLabel, "验证码", "Code"},
    {S::CodeHint, "6位数字", "6 digits"},
    {S::LoginButton, "登录", "Log in"},
    {S::LoginNote, "未注册的手机号验证后自动创建账号", "A new number gets an account on first login"},

    {S::FieldPhone, "手机号", "Phone"},
    {S::FieldRoles, "身份", "Roles"},
    {S::RoleResident, "居民", "Resident"},
    {S::RoleVolunteer, "志愿者", "Volunteer"},
    {S::RoleOrganizer, "组织者", "Organizer"},
    {S::RoleSocialWorker, "社工", "Social worker"},
    {S::RoleAdmin, "管理员", "Admin"},
    {S::SectionProfile, "志愿者信息", "Volunteer profile"},
    {S::FieldRealName, "姓名", "Name"},
    {S::FieldIdNumber, "身份证号", "ID number"},
    {S::FieldSkills, "技能", "Skills"},
    {S::FieldAvailability, "服务时间", "Availability"},
    {S::LinkRegister, "实名注册成为志愿者", "Register as a volunteer"},
    {S::LinkMySignups, "我的报名", "My sign-ups"},
    {S::LinkTeams, "志愿队伍", "Teams"},
    {S::LinkPublish, "发布项目", "Publish a project"},
    {S::SectionMyTeams, "我的队伍", "My teams"},
    {S::MemberLeader, "负责人", "Leader"},
    {S::MemberMember, "队员", "Member"},
    {S::Logout, "退出登录", "Log out"},

    {S::RealNameLabel, "真实姓名", "Real name"},
    {S::RealNameHint, "与身份证一致", "As on the ID card"},
    {S::IdLabel, "身份证号码", "ID card number"},
    {S::IdHint, "18位居民身份证号码", "18-character resident ID number"},
    {S::DistrictLabel, "所在区县", "District"},
    {S::ChooseDistrict, "请选择区县", "Choose a district"},
    {S::SkillsLabel, "技能（可多选）", "Skills (any)"},
    {S::SkillElderly, "助老服务", "Elder care"},
    {S::SkillChildren, "儿童陪伴", "Children"},
    {S::SkillFirstAid, "医疗急救", "First aid"},
    {S::SkillArts, "文艺表演", "Performing arts"},
    {S::SkillLanguages, "外语翻译", "Languages"},
    {S::SkillPhoto, "摄影宣传", "Photography"},
    {S::AvailabilityLabel, "可服务时间", "When you can help"},
    {S::AvailWeekdayDay, "工作日白天", "Weekdays"},
    {S::AvailWeekdayEvening, "工作日晚上", "Weekday evenings"},
    {S::AvailWeekend, "周末", "Weekends"},
    {S::ConsentLabel, "我单独同意处理我的敏感个人信息", "I separately consent to processing my sensitive personal data"},
    {S::ConsentText,
     "身份证号码属于敏感个人信息，仅用于实名核验和志愿服务记录证明；加密保存，仅显示脱敏号码。",
     "Your ID number is sensitive personal information. It is used only to verify your identity and for "
     "volunteer service certificates; it is stored encrypted and only shown masked."},
    {S::SubmitRegister, "提交实名注册", "Register"},
    {S::Submitting, "提交中…", "Sending…"},

    {S::NoSignups, "还没有报名的活动", "No upcoming sign-ups"},
    {S::PastSignups, "已结束的报名", "Past sign-ups"},
    {S::FindProjects, "去找项目", "Find projects"},
    {S::CancelSignup, "取消报名", "Cancel sign-up"},
    {S::ConfirmCancel, "确定取消这个时段的报名吗？", "Cancel this sign-up?"},
    {S::ConfirmYes, "确认取消", "Yes, cancel"},
    {S::ConfirmNo, "再想想", "Keep it"},

    {S::FieldLeader, "负责人", "Leader"},
    {S::MembersFmt, "%lld 名队员", "%lld members"},
    {S::TeamProjectsFmt, "%lld 个项目", "%lld projects"},
    {S::JoinTeam, "加入队伍", "Join team"},
    {S::AlreadyMember, "你是该队伍成员", "You are a member"},
    {S::RegisterToJoin, "实名注册后可加入队伍", "Register as a volunteer to join"},
    {S::NoTeams, "暂无队伍", "No teams yet"},
    {S::FieldOrg, "所属单位", "Organisation"},
    {S::FieldFounded, "成立时间", "Founded"},
    {S::SectionTeamProjects, "队伍项目", "Projects"},

    {S::SignUp, "报名", "Sign up"},
    {S::RegisterToSignUp, "实名注册后可报名", "Register as a volunteer to sign up"},
    {S::EditProject, "编辑项目", "Edit"},
    {S::CloseProject, "关闭项目", "Close project"},
    {S::ProjectClosed, "项目已结束报名", "Sign-ups are closed"},
    {S::SignedUp, "已报名", "Signed up"},

    {S::FieldPublishTeam, "发布队伍", "Team"},
    {S::TitleLabel, "项目标题", "Title"},
    {S::SummaryLabel, "一句话简介", "Summary"},
    {S::DescriptionLabel, "项目介绍", "Description"},
    {S::CategoryLabel, "服务类别", "Category"},
    {S::ChooseCategory, "请选择类别", "Choose a category"},
    {S::BrandLabel, "所属品牌（可选）", "Brand (optional)"},
    {S::NoBrand, "不属于品牌项目", "No brand"},
    {S::SiteNameLabel, "服务地点", "Site"},
    {S::LatLabel, "纬度", "Latitude"},
    {S::LngLabel, "经度", "Longitude"},
    {S::RadiusLabel, "签到半径（米）", "Check-in radius (m)"},
    {S::ShiftFmt, "时段 %d", "Shift %d"},
    {S::StartLabel, "开始时间", "Starts"},
    {S::EndLabel, "结束时间", "Ends"},
    {S::CapacityLabel, "名额", "Places"},
    {S::AddShift, "添加时段", "Add shift"},
    {S::RemoveShift, "删除时段", "Remove shift"},
    {S::PublishButton, "发布", "Publish"},
    {S::SaveChanges, "保存修改", "Save changes"},
    {S::Stale, "内容已被他人修改", "Someone else changed this project"},
    {S::Reload, "重新加载", "Reload"},
    {S::OrganizersOnly, "只有队伍负责人可以发布项目", "Only team leaders can publish projects"},
#include "ui/strings_certification.inc"
    // first-visit
    {S::OfflineCached, "离线，显示的是缓存内容", "Offline: showing saved content"},
    // zoom
    {S::TextSize, "文字大小", "Text size"},
    {S::ZoomOut, "缩小文字", "Smaller text"},
    {S::ZoomIn, "放大文字", "Larger text"},

#include "ui/strings_attendance.inc"
#include "ui/strings_points.inc"
#include "ui/strings_eldercare.inc"
    // issue 10, Q2 (forms, images, the sign-up flow)
    {S::SignupNoticeTitle, "报名须知", "Before you sign up"},
    {S::SignupNoticeBody, "请按时到达服务地点，到场后签到，离开时签退，服务时长由组织者认定。如不能参加，请在开始前取消报名，把名额留给其他志愿者。", "Be at the site on time, check in when you arrive and out when you leave; the organizer certifies your hours. If you cannot come, cancel before it starts so someone else can take the place."},
    {S::ConfirmSignup, "确认报名", "Sign me up"},
    {S::LeaveTeam, "退出队伍", "Leave the team"},
    {S::ConfirmLeaveTeam, "确定退出这支队伍吗？退出后不再收到队伍的活动。", "Leave this team? You will no longer hear about its activities."},
    {S::ConfirmLeave, "确认退出", "Yes, leave"},
    {S::ProjectNotFound, "这个项目不存在或已下线", "This project does not exist or was taken down"},
    {S::ProjectNotFoundHint, "可能是链接有误，或项目已被组织者删除。", "The link may be wrong, or the organizer removed the project."},
    {S::BrowseProjects, "看看其他项目", "See other projects"},
    {S::NoResultsForFmt, "没有找到与“%s”相关的项目", "No projects match \"%s\""},
    {S::NoResultsFiltered, "没有符合筛选条件的项目", "No projects match these filters"},
    {S::NoResultsHint, "换个关键词试试，或者清除搜索和筛选看看全部项目。", "Try other words, or clear the search and filters to see every project."},
    {S::ClearSearchAndFilters, "清除搜索和筛选", "Clear search and filters"},
    // images (issue 10)
    {S::CoverAltFmt, "%s封面", "%s cover"},
    {S::SheetLabel, "弹出面板", "Panel"},
#include "ui/strings_forms.inc"
};
constexpr int kCount = static_cast<int>(S::COUNT);
static_assert(sizeof(kTable) / sizeof(kTable[0]) == kCount, "one entry per S");

constexpr bool entries_in_order() {
    for (int i = 0; i < kCount; ++i)
        if (static_cast<int>(kTable[i].id) != i) return false;
    return true;
}
static_assert(entries_in_order(), "kTable must follow the order of enum S");

// Core's and the server's message codes → words. "{name}" is replaced by the parameter.
struct Words {
    const char* code;
    const char* zh;
    EnText en;
};

constexpr Words kMessages[] = {
    // Notices (core)
    {"registered", "实名注册成功", "Real-name registration complete"},
    {"pending_verification", "该身份证号码需要核验：请携带身份证到所在社区办理", "This ID number needs checking: please bring your ID card to your community office"},
    {"signed_up", "报名成功", "Signed up"},
    {"shift_taken", "手慢了，名额刚被抢完", "Too late: the last place was just taken"},
    {"volunteer_required", "请先完成实名注册", "Please complete real-name registration first"},
    {"signup_failed", "报名失败，请重试", "Sign-up failed, please retry"},
    {"signup_cancelled", "已取消报名", "Sign-up cancelled"},
    {"cancel_failed", "取消失败，请重试", "Cancelling failed, please retry"},
    {"team_joined", "已加入队伍", "You joined the team"},
    {"already_member", "你已经是该队伍成员", "You are already a member of this team"},
    {"volunteer_required_to_join", "实名注册后才能加入队伍", "Register with your real name to join teams"},
    {"join_failed", "加入失败，请重试", "Joining failed, please retry"},
    {"changes_saved", "修改已保存", "Changes saved"},
    {"project_published", "项目已发布", "Project published"},
    {"submit_failed", "提交失败，请重试", "Submitting failed, please retry"},
    {"project_closed", "项目已关闭", "Project closed"},
    {"stale_reloaded", "项目已被他人修改，已重新加载", "Someone else changed the project; reloaded"},
    {"close_failed", "关闭失败，请重试", "Closing failed, please retry"},
    // Sign-up reasons (core signup_blocker, and the server's 409s)
    {"shift_full", "该班次名额已满", "This shift is full"},
    {"already_signed_up", "你已报名该班次", "You already signed up for this shift"},
    {"shift_started", "该班次已开始", "This shift has already started"},
    {"overlap", "与你已报名的「{project}」时间冲突", "Overlaps with \"{project}\", which you signed up for"},
    // Login
    {"phone_invalid", "请输入11位手机号码", "Enter an 11-digit mobile number"},
    {"sms_code_invalid", "请输入6位验证码", "Enter the 6-digit code"},
    {"sms_code_wrong", "验证码不正确或已过期", "Wrong or expired code"},
    {"rate_limited", "操作过于频繁，请稍后再试", "Too many requests: please try again later"},
    // Registration (core validate, the server)
    {"real_name_invalid", "请填写与身份证一致的姓名", "Enter your name as on your ID card"},
    {"district_required", "请选择所在区县", "Choose your district"},
    {"consent_required", "需要你同意处理敏感个人信息后才能注册",
     "Registration needs your consent to the handling of sensitive personal information"},
    {"id_length", "身份证号码应为18位", "An ID number has 18 characters"},
    {"id_chars", "身份证号码只能包含数字，最后一位可以是X", "Digits only; the last character may be X"},
    {"id_region", "身份证号码的地区码无效", "The region code of this ID number is invalid"},
    {"id_birth_date", "身份证号码中的出生日期无效", "The birth date in this ID number is invalid"},
    {"id_checksum", "身份证号码校验位不正确，请核对", "The check digit does not match: please check the number"},
    {"id_taken", "该身份证号码已注册", "This ID number is already registered"},
    // Publishing (core validate, the server)
    {"team_required", "请选择发布队伍", "Choose the team"},
    {"title_length", "标题需要4到60个字", "The title needs 4 to 60 characters"},
    {"description_required", "请填写项目介绍", "Describe the project"},
    {"category_required", "请选择服务类别", "Choose a category"},
    {"site_name_required", "请填写服务地点", "Enter the site"},
    {"site_outside_city", "坐标不在秦皇岛市范围内", "These coordinates are outside Qinhuangdao"},
    {"radius_range", "签到半径需在50到5000米之间", "The check-in radius must be 50 to 5000 m"},
    {"shifts_required", "至少需要一个班次", "Add at least one shift"},
    {"start_required", "请填写开始时间", "Enter the start time"},
    {"end_before_start", "结束时间需晚于开始时间", "The end must be after the start"},
    {"capacity_range", "名额需在1到1000之间", "Places must be 1 to 1000"},
    // Server problems (problem+json `code`)
    {"not_logged_in", "请先登录", "Please log in first"},
    {"forbidden_role", "你没有执行此操作的权限", "You are not allowed to do this"},
    {"not_team_leader", "只有队伍负责人可以这样做", "Only the team's leader can do this"},
    {"if_match_required", "请重新加载后再提交", "Please reload and submit again"},
    {"stale", "内容已被他人修改，请重新加载", "Someone else changed this; please reload"},
    {"idempotency_key_reused", "请求重复，请刷新后重试", "This request was already used; please refresh and retry"},
    {"not_found", "内容不存在或已删除", "Not found, or removed"},
    {"internal", "服务器出错了，请稍后再试", "Something went wrong on the server; please try again later"},
    // The web app's English words could not be fetched: shown in Chinese, so it names English too.
    {"language_unavailable", "暂时无法加载英文（English is unavailable offline），请联网后重试",
     "English could not be loaded; connect and try again"},
#include "ui/messages_certification.inc"
#include "ui/messages_attendance.inc"
#include "ui/messages_points.inc"
#include "ui/messages_eldercare.inc"
    // issue 10, Q2: leave team
    {"team_left", "已退出队伍", "You left the team"},
    {"not_member", "你不是该队伍成员", "You are not a member of this team"},
    {"leader_cannot_leave", "队长不能退出自己带领的队伍", "A team's leader cannot leave it"},
    {"leave_failed", "退出队伍失败，请稍后再试", "Could not leave the team; try again later"},
#include "ui/messages_forms.inc"
};

constexpr const char* kUnknownZh = "出错了，请重试";
[[maybe_unused]] constexpr EnText kUnknownEn = "Something went wrong. Please try again.";
constexpr int kMessageCount = static_cast<int>(sizeof(kMessages) / sizeof(kMessages[0]));
// English words in one sequence: kTable's, then kMessages', then kUnknownEn.
constexpr int kEnglishCount = kCount + kMessageCount + 1;

#ifdef ZYGC_ENGLISH_APART
std::vector<std::string> g_english;  // set_english(); empty until then
const char* english(int i) { return g_english.empty() ? "" : g_english[i].c_str(); }
#else
const char* english(int i) {
    if (i < kCount) return kTable[i].en ? kTable[i].en : "";
    if (i < kCount + kMessageCount) return kMessages[i - kCount].en;
    return kUnknownEn;
}
#endif

// Replaces each "{name}" in `words` with the message's parameter.
std::string fill(const char* words, const Message& m) {
    std::string out;
    for (const char* p = words; *p;) {
        const char* close = *p == '{' ? std::strchr(p, '}') : nullptr;
        if (close) {
            out += m.param(std::string_view(p + 1, close - p - 1));
            p = close + 1;
        } else {
            out += *p++;
        }
    }
    return out;
}

}  // namespace

const char* tr(S s) {
    const int i = static_cast<int>(s);
    if (lang() == Lang::En && english(i)[0]) return english(i);
    return kTable[i].zh;
}

std::string say(const Message& m) {
    for (int i = 0; i < kMessageCount; ++i)
        if (m.code == kMessages[i].code) return fill(lang() == Lang::En ? english(kCount + i) : kMessages[i].zh, m);
    if (lang() == Lang::En) return english(kEnglishCount - 1);
    return m.detail.empty() ? kUnknownZh : m.detail;
}

bool knows_message(const std::string& code) {
    for (const Words& w : kMessages)
        if (code == w.code) return true;
    return false;
}

const char* category_label(const Category& c) { return lang() == Lang::En ? c.label_en : c.label_zh; }

void set_lang(Lang lang) { context().lang = lang; }
// Outside any context (a test calling tr() by itself) the UI's default language.
Lang lang() { return current_context() ? context().lang : Lang::Zh; }

const char* tr_zh(int i) { return (i >= 0 && i < kCount) ? kTable[i].zh : ""; }
const char* tr_en(int i) { return (i >= 0 && i < kCount) ? english(i) : ""; }

std::string message_text() {
    std::string text;
    for (int i = 0; i < kMessageCount; ++i) text += std::string(kMessages[i].zh) + english(kCount + i);
    text += kUnknownZh;
    text += english(kEnglishCount - 1);
    return text;
}

bool english_ready() { return english(kEnglishCount - 1)[0] != 0; }

bool set_english(std::string_view json) {
#ifdef ZYGC_ENGLISH_APART
    std::vector<std::string> words;
    JsonReader r(json);
    for (bool more = r.begin_array(); more; more = r.next_item()) {
        words.emplace_back();
        if (!r.read(words.back())) break;
    }
    // Another build's file (a different count) or a broken one: English stays unavailable.
    if (!r.finish() || words.size() != kEnglishCount || words.back().empty()) return false;
    g_english = std::move(words);
#else
    (void)json;
#endif
    return true;
}

std::string english_json() {
    std::string out = "[";
    for (int i = 0; i < kEnglishCount; ++i) {
        if (i > 0) out += ",\n";
        out += '"';
        for (const char* p = english(i); *p; ++p) {
            const auto c = static_cast<unsigned char>(*p);
            if (c == '"' || c == '\\') out += '\\', out += *p;
            else if (c == '\n') out += "\\n";
            else if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else out += *p;
        }
        out += '"';
    }
    return out + "]\n";
}

}  // namespace zygc::ui
