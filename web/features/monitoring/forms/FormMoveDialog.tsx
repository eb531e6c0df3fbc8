import { useTranslation } from 'react-i18next'
import { OpinionDialog } from '../../../shared/OpinionDialog'
import { useAddNote, useFormMove } from './forms.queries'
import type { MonitoringForm } from './forms.types'

export type Move = 'submit' | 'return' | 'accept' | 'note'

/**
 * Confirms a workflow move with its opinion (required to return, a note for an agency). Submitting first saves what
 * is typed, then submits that version; a refusal (rules 29 and 31) stays in the dialog and marks the fields it names.
 */
export function FormMoveDialog(props: { form: MonitoringForm; move: Move; beforeSubmit?: () => Promise<MonitoringForm | null>; onRefused: (err: unknown) => void; onClose: () => void }) {
  const { t } = useTranslation()
  const { form, move } = props
  const moveForm = useFormMove()
  const addNote = useAddNote()

  async function send(opinion: string) {
    try {
      if (move === 'note') return await addNote.mutateAsync({ id: form.id, note: opinion })
      let version = form.version
      if (move === 'submit' && props.beforeSubmit) {
        const saved = await props.beforeSubmit()
        if (!saved) throw new Error(t('monitoringForms.locked'))
        version = saved.version
      }
      return await moveForm.mutateAsync({ id: form.id, version, move, opinion })
    } catch (err) {
      props.onRefused(err)
      throw err
    }
  }

  const question = { submit: 'submitQuestion', return: 'returnQuestion', accept: 'acceptQuestion', note: 'note' } as const
  return (
    <OpinionDialog
      title={t(`monitoringForms.actions.${move}`)}
      okText={t(`monitoringForms.actions.${move}`)}
      danger={move === 'return'}
      question={move === 'note' ? '' : t(`monitoringForms.dialogs.${question[move]}`)}
      opinion={move === 'return' || move === 'note' ? 'required' : 'optional'}
      opinionLabel={t(move === 'note' ? 'monitoringForms.dialogs.note' : 'monitoringForms.dialogs.opinion')}
      requiredMessage={t(move === 'note' ? 'monitoringForms.dialogs.noteRequired' : 'monitoringForms.dialogs.opinionRequired')}
      maxLength={move === 'note' ? 4000 : 2000}
      onSubmit={send}
      successMessage={t('monitoringForms.done')}
      onClose={props.onClose}
    />
  )
}
