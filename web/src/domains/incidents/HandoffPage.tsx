/** The handoff summary as the API writes it, with "copy as Markdown" for the chat or the next shift. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { getText } from '../../api/client';
import { Link } from '../../shell/router';
import { Button } from '../../ui/components';
import type { ScreenProps } from '../../shell/registry';
import { refusalText } from '../../ui/refusal';

export default function HandoffPage({ params }: ScreenProps) {
  const ref = params.ref!.toUpperCase();
  const [copied, setCopied] = useState<string | null>(null);
  const markdown = useQuery({ queryKey: ['handoff', ref], queryFn: () => getText(`/api/v1/incidents/${encodeURIComponent(ref)}/handoff?format=markdown`, 'text/markdown') });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(markdown.data ?? '');
      setCopied('Copied as Markdown');
    } catch {
      setCopied('The browser refused the clipboard: select the text below and copy it');
    }
  };
  return (
    <main id="main" className="page">
      <div className="page-head">
        <h1>Handoff: {ref}</h1>
        <div className="row">
          <Button variant="primary" onClick={() => void copy()} disabled={!markdown.data}>Copy as Markdown</Button>
          <Link to={`/incidents/${ref}`} className="btn">Back to the war room</Link>
        </div>
      </div>
      {copied && <p role="status" className="saved">{copied}</p>}
      {markdown.isError && <p role="alert" className="form-error">{refusalText(markdown.error)}</p>}
      <pre className="markdown" tabIndex={0} aria-label="Handoff as Markdown">{markdown.data ?? 'Loading…'}</pre>
    </main>
  );
}
