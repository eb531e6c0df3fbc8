import { describe, it, expect } from 'vitest';
import { demoRegion, demoUsers, DEMO_PASSWORD } from './demo-region.data.ts';

const STATUTORY_DISTRICTS: Record<string, string> = {
  '440303': '罗湖区', '440304': '福田区', '440305': '南山区', '440306': '宝安区', '440307': '龙岗区',
  '440308': '盐田区', '440309': '龙华区', '440310': '坪山区', '440311': '光明区',
};
const ROLES = [
  'finance_admin', 'finance_reviewer', 'dept_user', 'unit_user', 'agency_user',
  'expert', 'viewer', 'sys_admin', 'sec_admin', 'audit_admin',
];

describe('demoRegion', () => {
  const r = demoRegion();

  it('is deterministic', () => {
    expect(demoRegion()).toEqual(demoRegion());
    expect(demoRegion()).not.toBe(r);
  });

  it('has Shenzhen as the only city and ≥ 4 statutory districts with real codes', () => {
    expect(r.jurisdictions.filter((j) => j.level === 'city')).toEqual([
      expect.objectContaining({ code: '440300', name: '深圳市', parentCode: null, financeBureauName: '深圳市财政局' }),
    ]);
    const districts = r.jurisdictions.filter((j) => j.level === 'district');
    expect(districts.length).toBeGreaterThanOrEqual(4);
    for (const d of districts) {
      expect(STATUTORY_DISTRICTS[d.code]).toBe(d.name);
      expect(d.parentCode).toBe('440300');
    }
    expect(r.jurisdictions.find((j) => j.code === '440311')?.formerNames).toContain('光明新区');
  });

  it('gives the functional area a non-statutory code under 龙岗区', () => {
    const dp = r.jurisdictions.find((j) => j.name === '大鹏新区');
    expect(dp?.level).toBe('functional');
    expect(dp?.parentCode).toBe('440307');
    expect(dp?.code).not.toMatch(/^\d{6}$/);
  });

  it('has enough departments and units', () => {
    expect(r.departments.length).toBeGreaterThanOrEqual(30);
    expect(r.units.length).toBeGreaterThanOrEqual(150);
  });

  it('uses unique ASCII alphanumeric codes and unique names', () => {
    const codes = [...r.jurisdictions, ...r.departments, ...r.units].map((x) => x.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^[0-9A-Za-z]+$/);
    const names = [...r.departments, ...r.units].map((x) => x.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('links departments and units consistently, each department with 2–8 units incl. 本级', () => {
    const jur = new Set(r.jurisdictions.map((j) => j.code));
    const depts = new Map(r.departments.map((d) => [d.code, d]));
    for (const d of r.departments) {
      expect(jur.has(d.jurisdictionCode)).toBe(true);
      expect(d.code.startsWith(d.jurisdictionCode)).toBe(true);
      const units = r.units.filter((u) => u.departmentCode === d.code);
      expect(units.length).toBeGreaterThanOrEqual(2);
      expect(units.length).toBeLessThanOrEqual(8);
      expect(units.some((u) => u.name === `${d.name}本级`)).toBe(true);
    }
    for (const u of r.units) {
      const d = depts.get(u.departmentCode);
      expect(d).toBeDefined();
      expect(u.jurisdictionCode).toBe(d?.jurisdictionCode);
      expect(u.code.startsWith(u.departmentCode)).toBe(true);
    }
  });
});

describe('demoUsers', () => {
  const r = demoRegion();
  const orgCodes = new Set([...r.jurisdictions, ...r.departments, ...r.units].map((x) => x.code));

  it('points every user at an existing org', () => {
    for (const u of demoUsers) expect(orgCodes.has(u.orgCode), u.username).toBe(true);
  });

  it('has a user for each of the 10 roles and unique usernames', () => {
    expect(new Set(demoUsers.map((u) => u.role))).toEqual(new Set(ROLES));
    for (const role of ROLES) {
      expect(demoUsers.filter((u) => u.role === role && u.username.startsWith('ns_') === false)).toHaveLength(1);
    }
    expect(new Set(demoUsers.map((u) => u.username)).size).toBe(demoUsers.length);
    expect(DEMO_PASSWORD).toBe('Jixiao@2026');
  });

  it('places the 南山 unit user under 南山区教育局', () => {
    const nsEdu = r.departments.find((d) => d.name === '深圳市南山区教育局');
    const user = demoUsers.find((u) => u.username === 'ns_edu_unit');
    expect(r.units.find((u) => u.code === user?.orgCode)?.departmentCode).toBe(nsEdu?.code);
    expect(demoUsers.find((u) => u.username === 'ns_finance_admin')?.orgCode).toBe('440305');
  });
});
