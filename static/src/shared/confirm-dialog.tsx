// A confirmation dialog for destructive or disruptive actions. Focus starts on Cancel so
// Enter never destroys something by accident; Escape cancels.
import Button from '@atlaskit/button/new';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import { type ReactNode, useRef, useState } from 'react';
import { showErrorFlag } from './flags';

export interface ConfirmDialogProps {
  title: string;
  confirmLabel: string;
  appearance: 'danger' | 'warning' | 'primary';
  children: ReactNode;
  /** Runs the action; the dialog stays open (and shows a flag) if it throws. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
  /** Flag title when the action fails, such as "Token not deleted". */
  failureTitle: string;
  testId?: string;
}

export function ConfirmDialog({ title, confirmLabel, appearance, children, onConfirm, onClose, failureTitle, testId }: ConfirmDialogProps) {
  const [working, setWorking] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const confirm = async () => {
    setWorking(true);
    try {
      await onConfirm();
    } catch (error) {
      showErrorFlag(failureTitle, error);
      setWorking(false);
    }
  };
  return (
    <Modal onClose={working ? undefined : onClose} testId={testId} width="medium" autoFocus={cancelRef} shouldReturnFocus>
      <ModalHeader hasCloseButton>
        <ModalTitle appearance={appearance === 'primary' ? undefined : appearance}>{title}</ModalTitle>
      </ModalHeader>
      <ModalBody>{children}</ModalBody>
      <ModalFooter>
        <Button ref={cancelRef} appearance="subtle" onClick={onClose} isDisabled={working}>
          Cancel
        </Button>
        <Button appearance={appearance} onClick={() => void confirm()} isLoading={working} testId={testId ? `${testId}--confirm` : undefined}>
          {confirmLabel}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
