// Demo organisation tree for Shenzhen: jurisdictions, 主管部门 and 预算单位.
// Pure data: no I/O, no clock, no randomness. Codes are assigned from table order,
// so reordering or inserting rows changes codes — append instead.
// Statutory district codes come from docs ADDENDUM A1; unit and department names are
// realistic demo data, not an authoritative registry.

export interface DemoJurisdiction {
  code: string;
  name: string;
  level: 'city' | 'district' | 'functional';
  parentCode: string | null;
  financeBureauName: string;
  formerNames: string[];
}
export interface DemoDepartment { code: string; name: string; jurisdictionCode: string }
export interface DemoUnit { code: string; name: string; departmentCode: string; jurisdictionCode: string }
export interface DemoRegion { jurisdictions: DemoJurisdiction[]; departments: DemoDepartment[]; units: DemoUnit[] }

export const DEMO_PASSWORD = 'Jixiao@2026';

export const SHENZHEN_CODE = '440300';
// 大鹏新区 has no statutory code (ADDENDUM A1). The letter keeps this project-local
// code from ever colliding with a real 6-digit code or a 9-digit department code.
export const DAPENG_CODE = '440300F01';

/** [department name, units other than the auto-added '…本级' unit] */
type DeptTable = readonly (readonly [string, readonly string[]])[];

const CITY_DEPARTMENTS: DeptTable = [
  ['深圳市发展和改革委员会', ['深圳市价格认证中心', '深圳市重大项目服务中心']],
  ['深圳市教育局', ['深圳中学', '深圳实验学校', '深圳外国语学校', '深圳市高级中学', '深圳市第二高级中学', '深圳科学高中', '深圳市教育科学研究院']],
  ['深圳市科技创新局', ['深圳市科技交流服务中心', '深圳市科技评审管理中心']],
  ['深圳市工业和信息化局', ['深圳市中小企业服务局', '深圳市无线电监测站']],
  ['深圳市公安局', ['深圳市公安局交通警察局', '深圳市公安局刑事科学技术研究所', '深圳市公安局南山分局', '深圳市公安局宝安分局', '深圳市公安局龙岗分局']],
  ['深圳市民政局', ['深圳市社会福利中心', '深圳市救助管理站', '深圳市殡仪馆']],
  ['深圳市司法局', ['深圳市法律援助中心', '深圳市公证处']],
  ['深圳市财政局', ['深圳市财政投资评审中心', '深圳市国库支付中心']],
  ['深圳市人力资源和社会保障局', ['深圳市社会保险基金管理局', '深圳技师学院', '深圳市人才交流服务中心', '深圳市劳动人事争议仲裁院']],
  ['深圳市规划和自然资源局', ['深圳市不动产登记中心', '深圳市规划国土发展研究中心']],
  ['深圳市生态环境局', ['深圳市环境监测中心站', '深圳市环境科学研究院']],
  ['深圳市住房和建设局', ['深圳市住房保障署', '深圳市建设工程质量安全监督总站', '深圳市建设科技促进中心']],
  ['深圳市交通运输局', ['深圳市交通公用设施管理处', '深圳市道路运输事务中心', '深圳市交通运输综合执法支队']],
  ['深圳市水务局', ['深圳市水务工程建设管理中心', '深圳市水文水质中心', '深圳市河道管理中心']],
  ['深圳市商务局', ['深圳市投资推广署', '深圳市会展业发展服务中心']],
  ['深圳市文化广电旅游体育局', ['深圳图书馆', '深圳博物馆', '深圳市文化馆', '深圳市少年儿童图书馆', '深圳音乐厅', '深圳市体育中心']],
  ['深圳市卫生健康委员会', ['深圳市人民医院', '深圳市第二人民医院', '深圳市第三人民医院', '深圳市中医院', '深圳市儿童医院', '深圳市妇幼保健院', '深圳市疾病预防控制中心']],
  ['深圳市退役军人事务局', ['深圳市退役军人服务中心', '深圳市烈士陵园管理处']],
  ['深圳市应急管理局', ['深圳市应急管理监测预警指挥中心', '深圳市安全生产技术服务中心']],
  ['深圳市审计局', ['深圳市政府投资审计专业局']],
  ['深圳市市场监督管理局', ['深圳市标准技术研究院', '深圳市计量质量检测研究院', '深圳市药品检验研究院', '深圳市市场监督管理局许可审查中心']],
  ['深圳市城市管理和综合执法局', ['深圳市公园管理中心', '深圳市中国科学院仙湖植物园', '深圳市环境卫生管理处', '深圳市城市管理监督指挥中心']],
  ['深圳市政务服务和数据管理局', ['深圳市大数据资源管理中心', '深圳市行政服务大厅管理中心']],
  ['深圳市医疗保障局', ['深圳市医疗保障基金监管中心', '深圳市医疗保障信息中心']],
  ['深圳市前海深港现代服务业合作区管理局', ['深圳市前海综合服务中心', '深圳市前海国际人才服务中心']],
  ['深圳市建筑工务署', ['深圳市建筑工务署工程管理中心', '深圳市建筑工务署教育工程管理中心', '深圳市建筑工务署文体工程管理中心']],
  ['深圳市统计局', ['深圳市统计数据管理中心']],
  ['深圳市气象局', ['深圳市气象台', '深圳市国家气候观象台']],
];

interface DistrictRow {
  code: string;
  name: string;
  formerNames: string[];
  schools: string[];
  /** hospitals beyond the 人民医院 / 妇幼保健院 / 疾控中心 every district has */
  hospitals: string[];
}

const DISTRICTS: readonly DistrictRow[] = [
  { code: '440303', name: '罗湖区', formerNames: [], schools: ['深圳市翠园中学', '深圳市桂园中学', '深圳市罗湖外语学校', '深圳市螺岭外国语实验学校'], hospitals: ['深圳市罗湖区中医院'] },
  { code: '440304', name: '福田区', formerNames: [], schools: ['深圳市红岭中学', '深圳市福田区外国语高级中学', '深圳市福田区梅林中学'], hospitals: ['深圳市福田区第二人民医院'] },
  { code: '440305', name: '南山区', formerNames: [], schools: ['深圳市南头中学', '深圳市南山外国语学校', '深圳市育才中学', '深圳市南山区第二外国语学校'], hospitals: ['深圳市南山区蛇口人民医院', '深圳市南山区慢性病防治院'] },
  { code: '440306', name: '宝安区', formerNames: [], schools: ['深圳市宝安中学', '深圳市宝安区西乡中学', '深圳市宝安区新安中学', '深圳市宝安区松岗中学'], hospitals: ['深圳市宝安区中医院', '深圳市宝安区中心医院'] },
  { code: '440307', name: '龙岗区', formerNames: [], schools: ['深圳市龙城高级中学', '深圳市平冈中学', '深圳市布吉高级中学', '深圳市横岗高级中学'], hospitals: ['深圳市龙岗中心医院', '深圳市龙岗区第三人民医院'] },
  { code: '440308', name: '盐田区', formerNames: [], schools: ['深圳市盐田高级中学', '深圳市盐田区外国语学校', '深圳市盐田区田东中学'], hospitals: [] },
  { code: '440309', name: '龙华区', formerNames: ['龙华新区'], schools: ['深圳市龙华中学', '深圳市观澜中学', '深圳市龙华区民治中学'], hospitals: ['深圳市龙华区中心医院'] },
  { code: '440310', name: '坪山区', formerNames: ['坪山新区'], schools: ['深圳市坪山高级中学', '深圳市坪山区坪山实验学校', '深圳市坪山区中山中学'], hospitals: ['深圳市坪山区中医院'] },
  { code: '440311', name: '光明区', formerNames: ['光明新区'], schools: ['深圳市光明区高级中学', '深圳市光明区公明中学', '深圳市光明区实验学校'], hospitals: ['深圳市光明区中心医院'] },
];

/** p is the full prefix, e.g. '深圳市南山区' */
function districtDepartments(p: string, d: DistrictRow): DeptTable {
  return [
    [`${p}发展和改革局`, [`${p}价格认证中心`]],
    [`${p}教育局`, [`${p}教育科学研究院`, ...d.schools]],
    [`${p}财政局`, [`${p}财政投资评审中心`, `${p}国库支付中心`]],
    [`${p}卫生健康局`, [`${p}人民医院`, ...d.hospitals, `${p}妇幼保健院`, `${p}疾病预防控制中心`]],
    [`${p}民政局`, [`${p}社会福利中心`]],
    [`${p}住房和建设局`, [`${p}住房保障服务中心`, `${p}建设工程质量安全监督站`]],
    [`${p}城市管理和综合执法局`, [`${p}环境卫生管理中心`, `${p}公园管理中心`]],
    [`${p}文化广电旅游体育局`, [`${p}图书馆`, `${p}文化馆`]],
  ];
}

const DAPENG_DEPARTMENTS: DeptTable = [
  ['深圳市大鹏新区发展和财政局', ['深圳市大鹏新区财政投资评审中心']],
  ['深圳市大鹏新区公共事业局', ['深圳市大鹏新区葵涌人民医院', '深圳市大鹏新区南澳人民医院', '深圳市大鹏新区葵涌中学', '深圳市大鹏新区南澳中学']],
  ['深圳市大鹏新区生态资源环境综合执法局', ['深圳市大鹏新区环境监测站']],
];

function addDepartments(region: DemoRegion, jurisdictionCode: string, table: DeptTable): void {
  table.forEach(([name, units], i) => {
    const code = `${jurisdictionCode}${101 + i}`;
    region.departments.push({ code, name, jurisdictionCode });
    [`${name}本级`, ...units].forEach((unitName, j) => {
      region.units.push({
        code: `${code}${String(j + 1).padStart(3, '0')}`,
        name: unitName,
        departmentCode: code,
        jurisdictionCode,
      });
    });
  });
}

export function demoRegion(): DemoRegion {
  const region: DemoRegion = { jurisdictions: [], departments: [], units: [] };
  region.jurisdictions.push({
    code: SHENZHEN_CODE, name: '深圳市', level: 'city', parentCode: null,
    financeBureauName: '深圳市财政局', formerNames: [],
  });
  addDepartments(region, SHENZHEN_CODE, CITY_DEPARTMENTS);
  for (const d of DISTRICTS) {
    region.jurisdictions.push({
      code: d.code, name: d.name, level: 'district', parentCode: SHENZHEN_CODE,
      financeBureauName: `深圳市${d.name}财政局`, formerNames: [...d.formerNames],
    });
    addDepartments(region, d.code, districtDepartments(`深圳市${d.name}`, d));
  }
  // Functional area: its 管委会 reports to the 龙岗区 People's Congress (ADDENDUM A1).
  region.jurisdictions.push({
    code: DAPENG_CODE, name: '大鹏新区', level: 'functional', parentCode: '440307',
    financeBureauName: '深圳市大鹏新区发展和财政局', formerNames: [],
  });
  addDepartments(region, DAPENG_CODE, DAPENG_DEPARTMENTS);
  return region;
}

function codeByName(items: readonly { code: string; name: string }[], name: string): string {
  const hit = items.find((x) => x.name === name);
  if (!hit) throw new Error(`demo-region: no org named ${name}`);
  return hit.code;
}

const region = demoRegion();
const dept = (name: string) => codeByName(region.departments, name);
const unit = (name: string) => codeByName(region.units, name);

export const demoUsers: { username: string; displayName: string; role: string; orgCode: string }[] = [
  { username: 'sz_finance_admin', displayName: '市财政局绩效处管理员', role: 'finance_admin', orgCode: SHENZHEN_CODE },
  { username: 'sz_reviewer', displayName: '市财政局绩效处审核员', role: 'finance_reviewer', orgCode: SHENZHEN_CODE },
  { username: 'sz_edu_dept', displayName: '市教育局财务处填报员', role: 'dept_user', orgCode: dept('深圳市教育局') },
  { username: 'sz_edu_unit', displayName: '深圳中学财务室填报员', role: 'unit_user', orgCode: unit('深圳中学') },
  { username: 'agency_demo', displayName: '第三方评价机构项目经理', role: 'agency_user', orgCode: SHENZHEN_CODE },
  { username: 'expert_demo', displayName: '绩效评审专家', role: 'expert', orgCode: SHENZHEN_CODE },
  { username: 'npc_viewer', displayName: '市人大预算工委查询员', role: 'viewer', orgCode: SHENZHEN_CODE },
  { username: 'sysadmin', displayName: '系统管理员', role: 'sys_admin', orgCode: SHENZHEN_CODE },
  { username: 'secadmin', displayName: '安全保密管理员', role: 'sec_admin', orgCode: SHENZHEN_CODE },
  { username: 'auditadmin', displayName: '安全审计员', role: 'audit_admin', orgCode: SHENZHEN_CODE },
  { username: 'ns_finance_admin', displayName: '南山区财政局绩效科管理员', role: 'finance_admin', orgCode: '440305' },
  { username: 'ns_edu_unit', displayName: '南山外国语学校财务室填报员', role: 'unit_user', orgCode: unit('深圳市南山外国语学校') },
];
