import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { YamlView } from './YamlView';

jest.setTimeout(30_000);

const YAML = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "<img src=x>"\n';

describe('YamlView', () => {
  it('copies the YAML to the clipboard and says so', async () => {
    const user = userEvent.setup();
    const writeText = jest.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    render(<YamlView yaml={YAML} kind="ConfigMap" name="orders" />);
    await user.click(screen.getByRole('button', { name: 'Copy YAML' }));
    expect(writeText).toHaveBeenCalledWith(YAML);
    expect(await screen.findByText('Copied')).toBeInTheDocument();
  });

  it('says when copying fails', async () => {
    const user = userEvent.setup();
    jest.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    render(<YamlView yaml={YAML} kind="ConfigMap" name="orders" />);
    await user.click(screen.getByRole('button', { name: 'Copy YAML' }));
    expect(await screen.findByText('Copy failed; select the text instead')).toBeInTheDocument();
  });

  it('downloads the YAML as a file named after the object', async () => {
    const blobs: Blob[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:yaml';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const clicked: HTMLAnchorElement[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function recordClick(this: HTMLAnchorElement) {
      clicked.push(this);
    });
    render(<YamlView yaml={YAML} kind="ConfigMap" name="orders/../x" />);
    await userEvent.click(screen.getByRole('button', { name: 'Download YAML' }));
    expect(clicked).toHaveLength(1);
    expect(clicked[0].download).toBe('ConfigMap-orders_.._x.yaml');
    expect(clicked[0].href).toBe('blob:yaml');
    expect(await blobs[0].text()).toBe(YAML);
    click.mockRestore();
  });

  it('shows the YAML as text', () => {
    const { container } = render(<YamlView yaml={YAML} kind="ConfigMap" name="orders" />);
    expect(screen.getByLabelText('YAML document')).toHaveTextContent('name: "<img src=x>"');
    expect(container.querySelector('img')).toBeNull();
  });
});
