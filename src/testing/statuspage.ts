/** Helpers for status page tests: build a page with components and a public incident. */
import assert from 'node:assert/strict';
import type { TestApp } from '../app/testing.js';

export type Headers = Record<string, string>;

/** Creates a component on the default page; returns its id. */
export async function addComponent(t: TestApp, admin: Headers, body: Record<string, unknown>, pageId?: string): Promise<string> {
  const page = pageId ?? (await t.app.inject({ method: 'GET', url: '/api/v1/status-pages', headers: admin })).json().pages[0].id;
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/status-pages/${page}/components`, headers: admin, payload: body });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id as string;
}

/** Declares an incident; returns its ref. */
export async function declare(t: TestApp, responder: Headers, body: Record<string, unknown>): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: responder, payload: body });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().ref as string;
}

/** Appends an event; asserts it was accepted unless `expect` says otherwise. */
export async function post(t: TestApp, who: Headers, ref: string, kind: string, body: Record<string, unknown>, expect = 201) {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${ref}/events`, headers: who, payload: { kind, body } });
  assert.equal(res.statusCode, expect, res.body);
  return res;
}

/** GETs a public URL and parses JSON. */
export async function publicJson(t: TestApp, url: string, headers: Record<string, string> = {}) {
  const res = await t.app.inject({ method: 'GET', url, headers });
  assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
  return res.json() as Record<string, unknown>;
}
