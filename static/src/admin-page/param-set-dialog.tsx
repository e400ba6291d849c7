// Create or edit a saved parameter set: a name, a description, and the report parameters
// one per line. The server checks them with the REST API's own parser and names every
// problem at once; each is listed under the parameters, and a taken name under the name.
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import { Box, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { useState } from 'react';
import { PARAM_SET_DESCRIPTION_MAX, PARAM_SET_NAME_MAX, type ParamSetView } from '../../../src/contract/param-sets';
import { showErrorFlag } from '../shared/flags';
import { FormDialog } from '../shared/form-dialog';
import { ResolverCallError, callResolver } from '../shared/resolver-client';
import { paramsFromText, textFromParams } from './param-set-text';

const PARAMS_FIELD = 'paramSet.params.';

export interface ParamSetDialogProps {
  paramSet?: ParamSetView;
  onClose: () => void;
  onSaved: (paramSet: ParamSetView) => void;
}

interface Errors {
  name?: string;
  description?: string;
  params: string[];
}

const withoutField = (field: string, message: string) => (field && message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message);

/** The server's problems as lines people read: "viewFormat: 'weeks' is not one of ...". */
function serverErrors(error: ResolverCallError): Errors {
  const field = error.field ?? '';
  const issues = error.issues.length > 0 ? error.issues : [{ field, message: withoutField(field, error.message) }];
  const errors: Errors = { params: [] };
  for (const issue of issues) {
    if (issue.field.startsWith('paramSet.name')) errors.name = error.code === 'CONFLICT' ? issue.message : `The name ${issue.message}.`;
    else if (issue.field.startsWith('paramSet.description')) errors.description = `The description ${issue.message}.`;
    else if (issue.field.startsWith(PARAMS_FIELD)) errors.params.push(`${issue.field.slice(PARAMS_FIELD.length)}: ${issue.message}`);
    else if (issue.field === 'paramSet.params') errors.params.push(`The parameters ${issue.message}.`);
    else errors.params.push(issue.field ? `${issue.field}: ${issue.message}` : issue.message);
  }
  return errors;
}

export function ParamSetDialog({ paramSet, onClose, onSaved }: ParamSetDialogProps) {
  const [name, setName] = useState(paramSet?.name ?? '');
  const [description, setDescription] = useState(paramSet?.description ?? '');
  const [paramsText, setParamsText] = useState(
    paramSet ? textFromParams(paramSet.params) : 'filterType=customjql\ncustomjql=updated >= -30d\ncolumnsBy=statusDuration',
  );
  const [errors, setErrors] = useState<Errors>({ params: [] });
  const [working, setWorking] = useState(false);

  const submit = async () => {
    const { params, problems } = paramsFromText(paramsText);
    const local: Errors = { params: problems };
    if (!name.trim()) local.name = 'Enter a name.';
    if (Object.keys(params).length === 0 && problems.length === 0) local.params.push('Give at least one parameter, such as projectKey=ABC.');
    setErrors(local);
    if (local.name || local.params.length > 0) return;
    setWorking(true);
    try {
      const body = { name: name.trim(), ...(description.trim() ? { description: description.trim() } : {}), params };
      onSaved(
        paramSet ? await callResolver('paramsets/update', { id: paramSet.id, paramSet: body }) : await callResolver('paramsets/create', { paramSet: body }),
      );
    } catch (error) {
      setWorking(false);
      if (error instanceof ResolverCallError && error.code !== 'INTERNAL' && error.code !== 'FORBIDDEN') setErrors(serverErrors(error));
      else showErrorFlag(paramSet ? 'Parameter set not saved' : 'Parameter set not created', error);
    }
  };

  return (
    <FormDialog
      title={paramSet ? `Edit ${paramSet.name}` : 'Create parameter set'}
      testId="param-set-dialog"
      width="large"
      working={working}
      submitLabel={paramSet ? 'Save' : 'Create'}
      submitTestId="param-set-submit"
      onClose={onClose}
      onSubmit={submit}
    >
      <Stack space="space.200">
        <div>
          <Label htmlFor="param-set-name">Name</Label>
          <Textfield
            id="param-set-name"
            testId="param-set-name"
            value={name}
            maxLength={PARAM_SET_NAME_MAX}
            onChange={(event) => setName(event.currentTarget.value)}
            isInvalid={Boolean(errors.name)}
            autoFocus
          />
          {errors.name ? <ErrorMessage testId="param-set-name-error">{errors.name}</ErrorMessage> : null}
        </div>
        <div>
          <Label htmlFor="param-set-description">Description (optional)</Label>
          <Textfield
            id="param-set-description"
            testId="param-set-description"
            value={description}
            maxLength={PARAM_SET_DESCRIPTION_MAX}
            onChange={(event) => setDescription(event.currentTarget.value)}
          />
          {errors.description ? <ErrorMessage>{errors.description}</ErrorMessage> : null}
        </div>
        <div>
          <Label htmlFor="param-set-params">Parameters</Label>
          <TextArea
            id="param-set-params"
            testId="param-set-params"
            value={paramsText}
            minimumRows={6}
            resize="vertical"
            isMonospaced
            isInvalid={errors.params.length > 0}
            onChange={(event) => setParamsText(event.currentTarget.value)}
          />
          <HelperMessage>
            One per line as name=value, as in a REST request: filterType, projectKey or customjql, columnsBy, statuses, calendar, viewFormat...
          </HelperMessage>
        </div>
        {errors.params.length > 0 ? (
          <SectionMessage appearance="error" title="Fix these parameters" testId="param-set-problems">
            <Box as="ul">
              {errors.params.map((problem) => (
                <li key={problem}>
                  <Text>{problem}</Text>
                </li>
              ))}
            </Box>
          </SectionMessage>
        ) : null}
      </Stack>
    </FormDialog>
  );
}
