import { describe, expect, it } from 'vitest';
import { chromiumPlan, debianChromium, type Machine, postgresPlan } from './prerequisites.ts';

const rootDebian: Machine = { root: true, aptGet: true, pgCtlcluster: true, postgresVersions: ['15'] };
const userDebian: Machine = { ...rootDebian, root: false };
const local = 'postgres://postgres@127.0.0.1:5432/test';

describe('what npm test sets up before the suite', () => {
  it('leaves a machine that has everything alone', () => {
    expect(chromiumPlan({ path: debianChromium, found: true }, userDebian)).toEqual({ kind: 'ready' });
    expect(postgresPlan({ url: local, answers: true }, userDebian)).toEqual({ kind: 'ready' });
  });

  it("installs Debian's Chromium as root, non-interactively, and otherwise prints the command", () => {
    expect(chromiumPlan({ path: debianChromium, found: false }, rootDebian)).toEqual({
      kind: 'run',
      commands: [
        ['apt-get', 'update', '-qq'],
        ['apt-get', 'install', '-y', '-qq', 'chromium'],
      ],
    });
    const asUser = chromiumPlan({ path: debianChromium, found: false }, userDebian);
    expect(asUser).toMatchObject({ kind: 'stop' });
    expect(asUser.kind === 'stop' && asUser.message).toContain(
      'sudo apt-get update && sudo apt-get install -y chromium',
    );
    expect(
      chromiumPlan({ path: debianChromium, found: false }, { ...rootDebian, aptGet: false }),
    ).toMatchObject({
      kind: 'stop',
    });
  });

  it('never installs over a CHROMIUM_PATH that someone chose', () => {
    const plan = chromiumPlan({ path: '/opt/chrome/chrome', found: false }, rootDebian);
    expect(plan.kind === 'stop' && plan.message).toContain('CHROMIUM_PATH is /opt/chrome/chrome');
  });

  it('starts a stopped local cluster as root, and otherwise prints the command', () => {
    expect(postgresPlan({ url: local, answers: false }, rootDebian)).toEqual({
      kind: 'run',
      commands: [['pg_ctlcluster', '--skip-systemctl-redirect', '15', 'main', 'start']],
    });
    const asUser = postgresPlan({ url: local, answers: false }, userDebian);
    expect(asUser.kind === 'stop' && asUser.message).toContain(
      'sudo pg_ctlcluster --skip-systemctl-redirect 15 main start',
    );
    expect(
      postgresPlan({ url: local, answers: false }, { ...rootDebian, postgresVersions: [] }),
    ).toMatchObject({
      kind: 'stop',
    });
  });

  it('does not try to start a server on another machine or port', () => {
    const plan = postgresPlan({ url: 'postgres://ci@db.example:5432/test', answers: false }, rootDebian);
    expect(plan.kind === 'stop' && plan.message).toContain('db.example');
    const otherPort = postgresPlan(
      { url: 'postgres://postgres@127.0.0.1:5999/test', answers: false },
      rootDebian,
    );
    expect(otherPort.kind === 'stop' && otherPort.message).toContain('127.0.0.1:5999');
  });
});
