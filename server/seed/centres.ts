import type { Centre } from '../../contract/centres/model';

/**
 * The four 职工·家 service centres named in the union's report. Names, services and community
 * programmes come from the report; street addresses, coordinates and phone numbers are
 * approximations for the demo (the union's staff replace them with the real ones). The phone is
 * the national union hotline 12351, which reaches the local union, rather than a made-up number.
 */
const WEEKDAYS_OPEN = [1, 2, 3, 4, 5] as const;
const OFFICE_HOURS = WEEKDAYS_OPEN.flatMap((weekday) => [
  { weekday, open: '09:00', close: '12:00' },
  { weekday, open: '14:00', close: '17:30' },
]);

export const SEED_CENTRES: Centre[] = [
  {
    id: 'jiujiang',
    name: '九江镇职工·家服务中心',
    shortName: '九江镇',
    address: '佛山市南海区九江镇 镇总工会一楼',
    location: { latitude: 22.8377, longitude: 113.0317 },
    phone: '12351',
    hours: OFFICE_HOURS,
    hoursText: '周一至周五 9:00–12:00，14:00–17:30',
    services: ['rights-help', 'hardship-aid', 'job-referral', 'legal-consultation', 'integration'],
    programmes: [
      {
        name: '小候鸟驿站',
        community: '下北社区',
        description: '暑假里照看来九江团聚的职工子女：作业辅导、安全教育和兴趣课。',
      },
    ],
    intro: '镇总工会的主服务点。欠薪、工伤、劳动合同问题可以来这里免费咨询，也可以申请困难帮扶。',
    order: 1,
  },
  {
    id: 'shatou',
    name: '沙头文体公园职工·家服务中心',
    shortName: '沙头',
    address: '佛山市南海区九江镇沙头 文体公园内',
    location: { latitude: 22.8701, longitude: 113.0489 },
    phone: '12351',
    hours: [...OFFICE_HOURS, { weekday: 6, open: '09:00', close: '12:00' }],
    hoursText: '周一至周五 9:00–12:00，14:00–17:30；周六 9:00–12:00；每月一次便民日',
    services: ['rights-help', 'hardship-aid', 'job-referral', 'legal-consultation', 'integration'],
    programmes: [],
    intro: '每月举办便民日。春运期间，旁边的沙头公交站设有平安返乡服务点，送热水、姜茶和返乡礼品。',
    order: 2,
  },
  {
    id: 'gongzi',
    name: '公资园区职工·家服务中心',
    shortName: '公资园区',
    address: '佛山市南海区九江镇 公资园区管理服务中心旁',
    location: { latitude: 22.8212, longitude: 113.0105 },
    phone: '12351',
    hours: OFFICE_HOURS,
    hoursText: '周一至周五 9:00–12:00，14:00–17:30',
    services: ['rights-help', 'job-referral', 'legal-consultation', 'integration'],
    programmes: [],
    intro: '就在园区里，下班顺路就能来。可以问招工信息、劳动合同和加班费。',
    order: 3,
  },
  {
    id: 'yannan',
    name: '烟南村职工·家服务中心',
    shortName: '烟南村',
    address: '佛山市南海区九江镇烟南村 村委会旁',
    location: { latitude: 22.8489, longitude: 113.0022 },
    phone: '12351',
    hours: OFFICE_HOURS,
    hoursText: '周一至周五 9:00–12:00，14:00–17:30',
    services: ['rights-help', 'hardship-aid', 'legal-consultation', 'integration'],
    programmes: [
      {
        name: '430学堂',
        community: '烟南社区',
        description: '工作日下午四点半放学后，职工子女可以在这里写作业、参加兴趣活动，等爸妈下班来接。',
      },
    ],
    intro: '离村里的工厂和出租屋近。新来九江的朋友可以在这里了解积分入学、居住证等融入政策。',
    order: 4,
  },
];
