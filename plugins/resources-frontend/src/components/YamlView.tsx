import { useState } from 'react';
import { Button, Flex, Text } from '@backstage/ui';
import { yamlFileName } from './fileName';

/** Props of {@link YamlView}. */
export interface YamlViewProps {
  yaml: string;
  kind: string;
  name: string;
}

function download(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // revoke after the click has been handled, or some browsers cancel the download
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** An object's YAML as text, with copy and download. */
export function YamlView({ yaml, kind, name }: YamlViewProps) {
  const [copied, setCopied] = useState<'yes' | 'failed'>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(yaml);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <Flex direction="column" gap="2">
      <Flex gap="2" align="center">
        <Button size="small" variant="secondary" onPress={copy}>
          Copy YAML
        </Button>
        <Button size="small" variant="secondary" onPress={() => download(yaml, yamlFileName(kind, name))}>
          Download YAML
        </Button>
        {copied && (
          <Text variant="body-small" color={copied === 'yes' ? 'success' : 'danger'} role="status">
            {copied === 'yes' ? 'Copied' : 'Copy failed; select the text instead'}
          </Text>
        )}
      </Flex>
      <pre
        aria-label="YAML document"
        style={{
          margin: 0,
          maxHeight: 420,
          overflow: 'auto',
          padding: 8,
          fontSize: 12,
          background: 'var(--bui-bg-neutral-2, #f6f8fa)',
          borderRadius: 4,
        }}
      >
        {yaml}
      </pre>
    </Flex>
  );
}
