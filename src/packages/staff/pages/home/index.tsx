import { Text, View } from '@tarojs/components';
import { ROLE_LABELS } from '@contract/account/model';
import { PageShell } from '../../../../components/page-shell';
import { StaffOnly } from '../../../../components/staff/staff-only';
import '../../../../components/staff/staff.scss';
import { openPage, PAGES, type PagePath } from '../../../../routes';

interface Link {
  label: string;
  page: PagePath;
  admin?: boolean;
}

/** Each area's staff pages (src/routes.ts), grouped as staff think of their work. */
const GROUPS: { title: string; links: Link[] }[] = [
  {
    title: '活动',
    links: [
      { label: '活动管理、报名名单和签到', page: PAGES.eventsStaff },
    ],
  },
  {
    title: '服务中心',
    links: [
      { label: '今天的预约和到场登记', page: PAGES.centreStaffDay },
      { label: '便民日叫号', page: PAGES.fairStaff },
      { label: '平安返乡服务点', page: PAGES.stationStaff },
    ],
  },
  {
    title: '帮扶',
    links: [
      { label: '帮扶申请（困难、法援、互助、就业）', page: PAGES.aidStaffQueue },
      { label: '集体欠薪预警', page: PAGES.aidStaffAlerts },
    ],
  },
  {
    title: '维权',
    links: [
      { label: '答复法律咨询', page: PAGES.rightsStaffCases },
      { label: '职工没找到的内容', page: PAGES.rightsStaffInsights },
      { label: '普法文章（编辑和发布）', page: PAGES.rightsStaffArticles, admin: true },
    ],
  },
  {
    title: '工会',
    links: [
      { label: '服务数据和月报', page: PAGES.staffDashboard },
      { label: '工作人员和权限', page: PAGES.staffRoles, admin: true },
      { label: '操作记录', page: PAGES.staffAudit, admin: true },
    ],
  },
];

export default function StaffHomePage() {
  return (
    <PageShell>
      <StaffOnly>
        {(me) => (
          <View data-testid='staff-home'>
            <View className='card'>
              <Text className='title' style={{ display: 'block' }}>
                {me.name}
              </Text>
              <Text className='tag tag--ok'>{ROLE_LABELS[me.role]}</Text>
              <Text className='muted' style={{ display: 'block' }}>
                {me.isAdmin ? '可以管理全部服务中心' : `负责：${me.centres.map((c) => c.name).join('、') || '（未分配服务中心）'}`}
              </Text>
            </View>
            {GROUPS.map((group) => {
              const links = group.links.filter((l) => !l.admin || me.isAdmin);
              if (links.length === 0) return null;
              return (
                <View key={group.title}>
                  <Text className='st-section'>{group.title}</Text>
                  {links.map((link) => (
                    <View key={link.page} className='st-link' role='link' hoverClass='rt-pressed' onClick={() => openPage(link.page)}>
                      <Text>{link.label}</Text>
                      <Text aria-hidden>›</Text>
                    </View>
                  ))}
                </View>
              );
            })}
          </View>
        )}
      </StaffOnly>
    </PageShell>
  );
}
