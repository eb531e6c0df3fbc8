import { WarningOutlined } from '@ant-design/icons'
import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { GoalIndicatorInput, PeerTargets } from './goals.types'
import { peerFigures, peerPosition } from './peerTargets'

/** What similar approved goals set for this library indicator; a target outside their range is marked. */
export function PeerHint({ row, peer }: { row: Pick<GoalIndicatorInput, 'target' | 'nature' | 'unit'>; peer: PeerTargets }) {
  const { t } = useTranslation()
  const position = peerPosition(row, peer)
  const outside = position === 'below' || position === 'above'
  const range = t('goals.peers.range', { ...peerFigures(peer, row.unit), count: peer.count })
  return (
    <div style={{ fontSize: 12, lineHeight: 1.5, marginTop: 2 }}>
      <Typography.Text type={outside ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
        {outside && <WarningOutlined aria-hidden />} {range}
        {outside && ` · ${t(`goals.peers.${position}`)}`}
      </Typography.Text>
    </div>
  )
}
