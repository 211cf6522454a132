#include "ui/strings.h"

namespace zygc::ui {
namespace {

struct Entry {
    S id;
    const char* zh;
    const char* en;
};

// Keep in enum order (checked by entry_ok below and by tests/ui/strings_test.cpp).
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
    {S::SearchHint, "搜索项目，如：小候鸟", "Search, e.g. 小候鸟"},
    {S::ClearSearch, "清除搜索", "Clear search"},
    {S::AllDistricts, "全部区县", "All districts"},
    {S::AllCategories, "全部类别", "All categories"},
    {S::AllBrands, "全部品牌", "All brands"},
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
    {S::NoShifts, "暂无服务时段", "No shifts yet"},

    {S::FieldOwner, "主办单位", "Run by"},
    {S::SectionStory, "品牌故事", "Story"},
    {S::SectionHighlights, "品牌亮点", "Highlights"},
    {S::SectionAwards, "所获荣誉", "Awards"},
    {S::SectionBrandStats, "品牌数据", "Figures"},
    {S::SectionBrandProjects, "相关项目", "Projects"},
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
};
constexpr int kCount = static_cast<int>(S::COUNT);
static_assert(sizeof(kTable) / sizeof(kTable[0]) == kCount, "one entry per S");

constexpr bool entries_in_order() {
    for (int i = 0; i < kCount; ++i)
        if (static_cast<int>(kTable[i].id) != i) return false;
    return true;
}
static_assert(entries_in_order(), "kTable must follow the order of enum S");

Lang g_lang = Lang::Zh;

}  // namespace

const char* tr(S s) {
    const Entry& e = kTable[static_cast<int>(s)];
    if (g_lang == Lang::En && e.en && e.en[0]) return e.en;
    return e.zh;
}

void set_lang(Lang lang) { g_lang = lang; }

const char* tr_zh(int i) { return (i >= 0 && i < kCount) ? kTable[i].zh : ""; }
const char* tr_en(int i) { return (i >= 0 && i < kCount) ? kTable[i].en : ""; }

}  // namespace zygc::ui
