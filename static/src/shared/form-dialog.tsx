// The frame every form dialog shares: a modal holding a <form> (so Enter submits and
// the keyboard alone is enough), a title with a close button, and Cancel / submit in the
// footer. Closing is disabled while a submit is in flight.
//
// Escape: the modal listens on window, after every field has seen the key, so an Escape
// that closes an open dropdown (a select's menu, a date picker's calendar) would close the
// dialog too and drop what was typed. The form notes, while the key is on its way down,
// whether it started in an open dropdown, and such an Escape closes only the dropdown.
import Button from '@atlaskit/button/new';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import { useRef, type KeyboardEvent, type ReactNode } from 'react';

/** True when the key's target is (inside) a combobox whose list or calendar is open. */
function inOpenDropdown(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return target.closest('[aria-expanded="true"]') !== null || target.closest('[role="grid"], [role="listbox"]') !== null;
}

export interface FormDialogProps {
  title: ReactNode;
  testId: string;
  width: 'medium' | 'large';
  working: boolean;
  submitLabel: string;
  submitTestId: string;
  onClose: () => void;
  onSubmit: () => Promise<void>;
  children: ReactNode;
}

export function FormDialog(props: FormDialogProps) {
  const { working, onClose } = props;
  const escapeClaimed = useRef(false);
  const noteEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') escapeClaimed.current = inOpenDropdown(event.target);
  };
  const closeUnlessClaimed = (event: { type: string }) => {
    const claimed = escapeClaimed.current && event.type === 'keydown';
    escapeClaimed.current = false;
    if (!claimed) onClose();
  };
  return (
    <Modal onClose={working ? undefined : closeUnlessClaimed} testId={props.testId} width={props.width} shouldScrollInViewport>
      <form
        onKeyDownCapture={noteEscape}
        onSubmit={(event) => {
          event.preventDefault();
          void props.onSubmit();
        }}
        noValidate
      >
        <ModalHeader hasCloseButton>
          <ModalTitle>{props.title}</ModalTitle>
        </ModalHeader>
        <ModalBody>{props.children}</ModalBody>
        <ModalFooter>
          <Button appearance="subtle" onClick={onClose} isDisabled={working}>
            Cancel
          </Button>
          <Button appearance="primary" type="submit" isLoading={working} testId={props.submitTestId}>
            {props.submitLabel}
          </Button>
        </ModalFooter>
      </form>
    </Modal>
  );
}
