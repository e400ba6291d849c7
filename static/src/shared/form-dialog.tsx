// The frame every form dialog shares: a modal holding a <form> (so Enter submits and
// the keyboard alone is enough), a title with a close button, and Cancel / submit in the
// footer. Closing is disabled while a submit is in flight.
import Button from '@atlaskit/button/new';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import type { ReactNode } from 'react';

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
  return (
    <Modal onClose={working ? undefined : onClose} testId={props.testId} width={props.width} shouldScrollInViewport>
      <form
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
