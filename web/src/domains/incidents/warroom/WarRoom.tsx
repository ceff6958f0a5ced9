/** One incident's war room: the summary on one screen, the entry bar, the live timeline. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../../api/client';
import type { IncidentView } from '../../../api/types';
import { Link } from '../../../shell/router';
import { useCan, useMe } from '../../../shell/session';
import type { ScreenProps } from '../../../shell/registry';
import { Button, Countdown, Elapsed, SeverityBadge, StatusBadge } from '../../../ui/components';
import { displayZone } from '../../../ui/time';
import { useIncident, useServices } from '../queries';
import { IncidentRunbooks } from '../../runbooks/IncidentRunbooks';
import { PagingGaps } from '../../oncall/PagingGaps';
import { PublicFacePanel } from '../../statuspage/PublicFacePanel';
import { COMMANDS, type Draft } from '../../../../../src/domains/incidents/entry/commands.js';
import { SimilarCard } from '../SimilarIncidents';
import { IncidentPaging } from '../../oncall/IncidentPaging';
import { amendEntry, attachEvidence, type EventForm } from './event-forms';
import { EventDialog } from './EventDialog';
import { roomOf } from '../../../../../src/domains/incidents/entry/room.js';
import { EntryBar, type EntryBarHandle } from './EntryBar';
import { ResolvePanel } from './ResolvePanel';
import { PagedBar } from './PagedBar';
import { SharedPictureForm } from './SharedPictureForm';
import { CommandCard, HypothesesCard, ImpactCard, MitigationsCard, RecoveryCard, SharedPicture, UnsafeCard, type RoomActions } from './Summary';
import { TimelineView } from './TimelineView';
import { useIncidentStream, type Connection } from './useIncidentStream';
import { refusalText } from '../../../ui/refusal';

type NewEvent = paths['/api/v1/incidents/{id}/events']['post']['requestBody']['content']['application/json'];

/** The entries typed as free text: their buttons start the entry in the bar; the others have buttons beside what they act on. */
const TYPED = new Set(['obs', 'hyp', 'impact', 'dec', 'mit', 'update', 'unsafe', 'next', 'note', 'action']);

const CONNECTION_TEXT: Record<Connection, string> = { loading: 'connecting…', live: 'live', reconnecting: 'reconnecting…' };

export default function WarRoom({ params }: ScreenProps) {
  const ref = params.ref!.toUpperCase();
  const incident = useIncident(ref);
  const { timeline, connection } = useIncidentStream(ref);
  const canWrite = useCan('responder');
  const me = useMe().data!;
  const client = useQueryClient();
  const entry = useRef<EntryBarHandle>(null);
  const [resolving, setResolving] = useState(false);
  const [form, setForm] = useState<EventForm | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const state = incident.data;
  // People with an account, so "/role comms Sam" names the user Sam rather than a label.
  const people = useQuery({
    queryKey: ['users', 'people'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/users'))).users.filter((u) => !u.disabled).map((u) => ({ id: u.id, name: u.name, email: u.email })),
    staleTime: 5 * 60_000,
    enabled: canWrite,
  });
  const services = useServices();
  const names = useMemo(() => new Map((people.data ?? []).map((p) => [p.id, p.name])), [people.data]);
  // "/" anywhere outside a field starts an entry: the entry bar is one key away.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || !target || target.closest('input, textarea, select, dialog, [contenteditable="true"]')) return;
      if (!entry.current) return;
      event.preventDefault();
      entry.current.prefill('/');
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  const markerSeqs = useMemo(() => new Set(Object.values(state?.markers ?? {}).flatMap((m) => (m ? [m.seq] : []))), [state?.markers]);

  if (incident.isError) return <main id="main" className="page"><h1>{ref}</h1><p role="alert" className="form-error">{refusalText(incident.error)}</p></main>;
  if (!state) return <main id="main" className="page" role="status">Loading {ref}…</main>;

  const post = async (draft: Draft) => {
    // The entry bar parsed the text into a kind and body; the server validates the body against its kind's schema.
    const body = { kind: draft.kind, body: draft.body, ...(draft.occurredAt ? { occurredAt: draft.occurredAt } : {}) } as unknown as NewEvent;
    const updated = await unwrap(api.POST('/api/v1/incidents/{id}/events', { params: { path: { id: ref } }, body }));
    void client.invalidateQueries({ queryKey: ['incident', ref] });
    return updated;
  };
  const act: RoomActions | undefined =
    canWrite && state.status !== 'resolved'
      ? {
          perform: (draft) => {
            setActionError(null);
            post(draft).catch((err: unknown) => setActionError(refusalText(err)));
          },
          open: (f) => setForm(f),
        }
      : undefined;
  const commander = state.roles.find((r) => r.role === 'commander');
  const iCommand = commander?.userId === me.id;
  const resolved = state.status === 'resolved';
  const takeCommand = () => post({ kind: 'role_assigned', body: { role: 'commander', userId: me.id } });
  const serviceName = services.data?.find((s) => s.id === state.services[0])?.name ?? null;

  return (
    <main id="main" className="warroom">
      <header className="wr-head">
        <div className="wr-title">
          <h1><span className="ref">{state.ref}</span> {state.title}</h1>
          <div className="wr-badges">
            <SeverityBadge severity={state.severity} />
            <StatusBadge status={state.status} />
            {state.drill && <span className="badge drill">drill</span>}
            {state.private && <span className="badge private">private</span>}
            <span className="muted">declared <Elapsed since={state.keyTimes.declaredAt} /> ago</span>
            <span className="muted small" title="Every time on this screen is in your profile's time zone">times in {displayZone()}</span>
            <span className={`connection connection-${connection}`} role="status" aria-live="polite">{CONNECTION_TEXT[connection]}</span>
          </div>
          <IncidentRunbooks incident={state.ref} />
          <PagingGaps incidentId={state.id} services={state.services} />
          <PublicFacePanel incident={state} canWrite={canWrite} />
          <IncidentPaging incident={state.ref} />
        </div>
        {!resolved && (
          <div className={`next-update ${state.updateOverdue ? 'overdue' : ''}`}>
            <span className="label">Next update</span>
            <span className="big"><Countdown at={state.nextUpdateDue} label="Next update" /></span>
          </div>
        )}
        <div className="wr-actions">
          {canWrite && !resolved && !iCommand && (
            <Button variant={commander ? 'default' : 'primary'} className={commander ? undefined : 'no-commander'} onClick={() => void takeCommand()}>
              {commander ? 'Take command' : 'No commander — take command'}
            </Button>
          )}
          <Link to={`/incidents/${state.ref}/handoff`} className="btn">Handoff</Link>
          {canWrite && !resolved && <Button variant="danger" onClick={() => setResolving(true)}>Resolve…</Button>}
          {canWrite && resolved && (
            <Button onClick={() => void post({ kind: 'reopened', body: { reason: 'reopened from the war room' } })}>Reopen</Button>
          )}
        </div>
      </header>
      {!resolved && (state.triage.pending || state.severityReview) && (
        <div className="triage" role="note">
          {state.triage.pending && (
            <span>
              <strong>Triage:</strong> declared by alerts as {state.severity}; confirm or change the severity
              {state.triage.dueAt && <> (target <Countdown at={state.triage.dueAt} label="Triage target" overdueLabel="late" />)</>}.
            </span>
          )}
          {state.severityReview && <span> <strong>Severity review:</strong> {state.severityReview.reason} (suggested {state.severityReview.suggested}).</span>}
          {canWrite && (
            <>
              <Button className="small" onClick={() => void post({ kind: 'severity_confirmed', body: {} })}>Confirm {state.severity}</Button>
              <Button className="small" variant="quiet" onClick={() => entry.current?.prefill('/sev ')}>Change…</Button>
            </>
          )}
        </div>
      )}
      {canWrite && !resolved && <PagedBar incidentId={state.id} me={me} hasCommander={!!commander} />}
      {actionError && <p className="form-error" role="alert">{actionError}</p>}
      {form && <EventDialog form={form} me={{ id: me.id, name: me.name }} room={roomOf(state, people.data)} onClose={() => setForm(null)} onSubmit={async (d) => void (await post(d))} />}
      <div className="wr-body">
        <div className="wr-summary">
          {/* Cards flow into two balanced columns at their natural height: a card added here needs no layout change. */}
          <div className="wr-cards">
            <SharedPicture state={state as IncidentView} />
            <CommandCard state={state} act={act} />
            <ImpactCard state={state} act={act} />
            <HypothesesCard state={state} act={act} />
            <MitigationsCard state={state} act={act} />
            <UnsafeCard state={state} act={act} />
            <RecoveryCard state={state} act={act} />
          </div>
        </div>
        <div className="wr-side">
          {resolving && (
            // In the side column: the summary keeps its place and the timeline gives way.
            <ResolvePanel
              state={state as IncidentView}
              onClose={() => setResolving(false)}
              onResolve={async (body) => {
                await post({ kind: 'resolved', body });
              }}
            />
          )}
          {canWrite && !resolved && !state.sharedPicture.has && !resolving && (
            <SharedPictureForm key={state.id} state={state as IncidentView} me={{ id: me.id, name: me.name }} people={people.data ?? []} serviceName={serviceName} send={post} />
          )}
          {canWrite && !resolved && (
            <>
              <EntryBar ref={entry} me={{ id: me.id, name: me.name }} room={roomOf(state, people.data)} onSubmit={async (d) => void (await post(d))} />
              {/* While resolving, the shortcut buttons give way to the resolve panel (the entry bar stays): one screen at 1366×768. */}
              {!resolving && <div className="kind-buttons" role="group" aria-label="Start an entry">
                {COMMANDS.filter((c) => TYPED.has(c.name)).map((c) => (
                  <button key={c.name} type="button" className="btn btn-quiet small" onClick={() => entry.current?.prefill(`/${c.name} `)} title={c.help}>
                    /{c.name}
                  </button>
                ))}
                <button type="button" className="btn btn-quiet small" onClick={() => setForm(attachEvidence)}>Evidence…</button>
              </div>}
            </>
          )}
          {/* In the side column: opening it gives way in the timeline, never in the summary; resolving hides it until the panel closes. */}
          {!resolving && <SimilarCard incident={state.ref} />}
          <TimelineView events={timeline.events} markerSeqs={markerSeqs} names={names} onAmend={act ? (seq, text) => setForm(amendEntry(seq, text)) : undefined} />
        </div>
      </div>
    </main>
  );
}
